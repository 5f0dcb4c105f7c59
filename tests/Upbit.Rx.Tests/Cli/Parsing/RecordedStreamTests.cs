using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Tests.Cli.Parsing;

public sealed class RecordedStreamTests
{
    [Test]
    public void Name_EveryKind_IsAsTyped()
    {
        var streams = RecordedStream.ParseList("ticker,orderbook,orderbook.15,candle.4h");

        Assert.That(streams.Select(s => s.Name), Is.EqualTo(new[] { "ticker", "orderbook", "orderbook.15", "candle.240m" }));
    }

    [Test]
    public void ParseList_EveryKind_GivesWireTypesAndDepths()
    {
        var streams = RecordedStream.ParseList("ticker,trade,orderbook,orderbook.15,candle.1m,candle.4h");

        Assert.That(streams, Is.EqualTo(new[]
        {
            new RecordedStream("ticker", 0),
            new RecordedStream("trade", 0),
            new RecordedStream("orderbook", 30),
            new RecordedStream("orderbook", 15),
            new RecordedStream("candle.1m", 0),
            new RecordedStream("candle.240m", 0),
        }));
    }

    [Test]
    public void ParseList_RepeatsAndSpaces_AreFolded()
    {
        Assert.That(RecordedStream.ParseList(" ticker , ticker,,trade "), Is.EqualTo(new[] { new RecordedStream("ticker", 0), new RecordedStream("trade", 0) }));
    }

    [TestCase("tickers")]
    [TestCase("orderbook.7")]
    [TestCase("candle")]
    [TestCase("candle.2m")]
    [TestCase("ticker.1")]
    [TestCase(",")]
    public void ParseList_UnknownEntry_ThrowsUsageError(string text)
    {
        var error = Assert.Throws<CliException>(() => RecordedStream.ParseList(text));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
