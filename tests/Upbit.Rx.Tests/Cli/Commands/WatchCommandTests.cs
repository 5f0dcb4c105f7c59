using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Cli.Commands;

public sealed class WatchCommandTests
{
    [Test]
    public void Bind_TickerWithCodes_DefaultsEverythingElse()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Watch.Bind(app.Parse("watch", "ticker", "KRW-BTC", "KRW-ETH"));

        Assert.That(settings, Is.EqualTo(new WatchSettings { Stream = WatchStream.Ticker, Codes = settings.Codes }));
        Assert.That(settings.Codes, Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH" }));
    }

    [Test]
    public void Bind_EveryOption_IsRead()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Watch.Bind(app.Parse("watch", "orderbook", "KRW-BTC", "--units", "15", "--level", "10000", "--for", "2m", "--format", "simple", "--endpoint", "ws://127.0.0.1:5000/websocket/v1"));

        Assert.That(
            (settings.Stream, settings.Units, settings.Level, settings.For, settings.Format, settings.Endpoint, settings.Simulate),
            Is.EqualTo((WatchStream.Orderbook, 15, 10000m, TimeSpan.FromMinutes(2), WireFormat.Simple, new Uri("ws://127.0.0.1:5000/websocket/v1"), false)));
    }

    [Test]
    public void Bind_CandleInterval_IsRead()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Watch.Bind(app.Parse("watch", "candle", "KRW-BTC", "--interval", "15m", "--simulate"));

        Assert.That((settings.Stream, settings.Interval, settings.Simulate), Is.EqualTo((WatchStream.Candle, CandleInterval.FifteenMinutes, true)));
    }

    [Test]
    public void Bind_ReplayWithoutStream_ShowsEverythingAtTheGivenSpeed()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Watch.Bind(app.Parse("watch", "--replay", "capture.jsonl", "--speed", "max"));

        Assert.That((settings.Stream, settings.ReplayFile, settings.Speed, settings.Codes.Count), Is.EqualTo(((WatchStream?)null, "capture.jsonl", ReplaySpeed.Max, 0)));
    }

    [Test]
    public void Bind_TradeFromReplayWithoutCodes_IsAllowed()
    {
        var app = CliTestEnvironment.App();

        var settings = app.Watch.Bind(app.Parse("watch", "trade", "--replay", "capture.jsonl"));

        Assert.That((settings.Stream, settings.ReplayFile), Is.EqualTo(((WatchStream?)WatchStream.Trade, "capture.jsonl")));
    }

    [TestCase("watch", "ticker")]
    [TestCase("watch")]
    [TestCase("watch", "ticker", "KRW-BTC", "--simulate", "--endpoint", "ws://127.0.0.1:1/")]
    [TestCase("watch", "ticker", "KRW-BTC", "--simulate", "--replay", "x.jsonl")]
    [TestCase("watch", "ticker", "KRW-BTC", "--simulate", "--speed", "10")]
    [TestCase("watch", "ticker", "KRW-BTC", "--speed", "max")]
    [TestCase("watch", "ticker", "KRW-BTC", "--simulate", "--skip-bad")]
    public void Bind_MissingOrContradictoryInput_ThrowsUsageError(params string[] args)
    {
        var app = CliTestEnvironment.App();
        var parse = app.Parse(args);

        var error = Assert.Throws<CliException>(() => app.Watch.Bind(parse));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [TestCase("--for", "10")]
    [TestCase("--for", "soon")]
    [TestCase("--units", "7")]
    [TestCase("--level", "-1")]
    [TestCase("--format", "xml")]
    [TestCase("--endpoint", "http://127.0.0.1/")]
    [TestCase("--endpoint", "not a url")]
    [TestCase("--speed", "0")]
    [TestCase("--bogus", "1")]
    public void Parse_BadOptionValue_IsAParseError(string option, string value)
    {
        var app = CliTestEnvironment.App();

        var parse = app.Parse("watch", "orderbook", "KRW-BTC", option, value);

        Assert.That(parse.Errors, Has.Count.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Parse_IntervalOnTicker_IsAParseError()
    {
        var app = CliTestEnvironment.App();

        var parse = app.Parse("watch", "ticker", "KRW-BTC", "--interval", "1m");

        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains("--interval"));
    }

    [Test]
    public void Parse_BadInterval_ErrorNamesTheAcceptedValues()
    {
        var app = CliTestEnvironment.App();

        var parse = app.Parse("watch", "candle", "KRW-BTC", "--interval", "2m");

        Assert.That(parse.Errors.Single().Message, Is.EqualTo("'2m' is not valid for --interval: expected one of 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m."));
    }
}
