using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Cli.Commands;

/// <summary>Binding of <c>candles</c> and <c>trades</c>: the range, the interval, and the usage errors.</summary>
public sealed class ExportCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);

    [Test]
    public void CandlesBind_AllOptions_AreRead()
    {
        var app = App();

        var settings = app.Candles.Bind(app.Parse("candles", "KRW-BTC", "--interval", "5m", "--from", "2026-12-01", "--to", "2026-12-02T12:00", "--out", "c.csv", "--force", "--simulate"));

        Assert.That(
            (settings.Code, settings.Interval, settings.From, settings.To, settings.Out, settings.Force, settings.Simulate),
            Is.EqualTo(("KRW-BTC", (CandleInterval?)CandleInterval.FiveMinutes, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero), "c.csv", true, true)));
    }

    [Test]
    public void CandlesBind_NoIntervalNoTo_OneMinuteUpToNow()
    {
        var app = App();

        var settings = app.Candles.Bind(app.Parse("candles", "KRW-BTC", "--from", "now-3h", "-o", "c.csv"));

        Assert.That((settings.Interval, settings.From, settings.To), Is.EqualTo(((CandleInterval?)CandleInterval.OneMinute, Now.AddHours(-3), Now)));
    }

    [Test]
    public void TradesBind_Range_IsReadWithoutInterval()
    {
        var app = App();

        var settings = app.Trades.Bind(app.Parse("trades", "KRW-ETH", "--from", "now-30m", "--to", "now-10m", "--out", "t.csv"));

        Assert.That((settings.Code, settings.Interval, settings.From, settings.To), Is.EqualTo(("KRW-ETH", (CandleInterval?)null, Now.AddMinutes(-30), Now.AddMinutes(-10))));
    }

    [TestCase("2m")]
    [TestCase("1h30m")]
    [TestCase("daily")]
    public void CandlesParse_BadInterval_IsAParseErrorNamingTheChoices(string interval)
    {
        var parse = App().Parse("candles", "KRW-BTC", "--interval", interval, "--from", "now-1h", "--out", "c.csv");

        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains($"'{interval}' is not valid for --interval").And.Some.Contains("1d, 1w, 1M, 1y"));
    }

    [TestCase("candles")]
    [TestCase("trades")]
    public void Bind_FromNotBeforeTo_UsageErrorNamingBoth(string command)
    {
        var app = App();
        var parse = app.Parse(command, "KRW-BTC", "--from", "2026-12-02", "--to", "2026-12-01", "--out", "x.csv");

        var error = Assert.Throws<CliException>(() => Bind(app, command, parse));

        Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.Usage, "--from (2026-12-02T00:00:00Z) must be before --to (2026-12-01T00:00:00Z)")));
    }

    [TestCase("--from", "yesterday")]
    [TestCase("--to", "12/01/2026")]
    public void Bind_MalformedTime_UsageErrorNamingTheOption(string option, string value)
    {
        var app = App();
        string[] args = ["trades", "KRW-BTC", "--from", "now-1h", "--out", "x.csv"];
        var parse = app.Parse(option == "--from" ? ["trades", "KRW-BTC", "--from", value, "--out", "x.csv"] : [.. args, option, value]);

        var error = Assert.Throws<CliException>(() => app.Trades.Bind(parse));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error.Message, Does.StartWith($"'{value}' is not valid for {option}"));
    }

    [TestCase("candles", "KRW-BTC", "--out", "x.csv")]
    [TestCase("candles", "KRW-BTC", "--from", "now-1h")]
    [TestCase("trades", "--from", "now-1h", "--out", "x.csv")]
    public void Parse_MissingFromOutOrCode_IsAParseError(params string[] args)
    {
        Assert.That(App().Parse(args).Errors, Has.Count.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Bind_SimulateAndEndpoint_UsageError()
    {
        var app = App();
        var parse = app.Parse("candles", "KRW-BTC", "--from", "now-1h", "--out", "x.csv", "--simulate", "--endpoint", "ws://127.0.0.1:1/websocket/v1");

        Assert.That(Assert.Throws<CliException>(() => app.Candles.Bind(parse))!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    private static CliApp App()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Now.UtcTicks);
        return new CliApp(CliTestEnvironment.Create() with { Scheduler = scheduler });
    }

    private static object Bind(CliApp app, string command, System.CommandLine.ParseResult parse) =>
        command == "candles" ? app.Candles.Bind(parse) : app.Trades.Bind(parse);
}
