using NUnit.Framework;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Cli.Recording;

namespace Upbit.Rx.Tests.Cli.Recording;

public sealed class SubscribeRequestTests
{
    [Test]
    public void Build_EveryKind_OneTypeObjectEachWithDepthSuffixAndFormat()
    {
        var ticket = Guid.Parse("0123456789abcdef0123456789abcdef");

        var request = SubscribeRequest.Build(
            RecordedStream.ParseList("ticker,orderbook,orderbook.5,candle.1m"), ["KRW-BTC", "KRW-ETH"], WireFormat.Simple, ticket);

        Assert.That(request, Is.EqualTo(
            """[{"ticket":"upbit-rx-0123456789abcdef0123456789abcdef"},{"type":"ticker","codes":["KRW-BTC","KRW-ETH"]},{"type":"orderbook","codes":["KRW-BTC","KRW-ETH"]},{"type":"orderbook","codes":["KRW-BTC.5","KRW-ETH.5"]},{"type":"candle.1m","codes":["KRW-BTC","KRW-ETH"]},{"format":"SIMPLE"}]"""));
    }

    [Test]
    public void Build_DefaultFormat_AsksForDefault()
    {
        var request = SubscribeRequest.Build(RecordedStream.ParseList("trade"), ["KRW-XRP"], WireFormat.Default, Guid.Empty);

        Assert.That(request, Does.EndWith("""{"type":"trade","codes":["KRW-XRP"]},{"format":"DEFAULT"}]"""));
    }
}
