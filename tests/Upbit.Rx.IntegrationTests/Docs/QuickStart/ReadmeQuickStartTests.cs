using System.Text.RegularExpressions;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.IntegrationTests.Docs.QuickStart;

/// <summary>
/// README.md's quick start, verbatim, run against the loopback server (its <c>UpbitClient</c> is the real client aimed
/// there; see <see cref="UpbitClient"/>): it must print tickers and trades, and trades must keep flowing once the
/// tickers are disposed. Upbit.Rx.Tests checks the README still holds exactly this text.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeQuickStartTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task QuickStart_AgainstLoopbackServer_PrintsTickersAndTradesThenTradesAlone(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackUpbitServer.StartAsync(cancellationToken: cancellationToken);
        UpbitClient.Endpoint.Value = server.PublicEndpoint;
        var console = new WatchedConsole(
            [
                text => TickerLine().Matches(text).Select(m => m.Groups["code"].Value).Distinct().Count() == 2 && TradeLine().IsMatch(text),
                text => TradeLine().IsMatch(text),
            ],
            cancellationToken);
        var (output, input) = (Console.Out, Console.In);
        Console.SetOut(console);
        Console.SetIn(console.Input);
        try
        {
            await QuickStartAsync();
        }
        finally
        {
            Console.SetOut(output);
            Console.SetIn(input);
        }

        var text = console.Text;
        var beforeEnter = text[..console.EnterPressedAt[0]];
        var afterEnter = text[console.EnterPressedAt[0]..];
        Assert.That(console.EnterPressedAt, Has.Count.EqualTo(2));
        Assert.That(beforeEnter, Does.Contain("public: Connected").And.Match(@"best ask \d+, best bid \d+"));
        Assert.That(TickerLine().Matches(beforeEnter).Select(m => m.Groups["code"].Value).Distinct().Order(), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH" }));
        Assert.That(TradeLine().IsMatch(beforeEnter), Is.True, beforeEnter);
        Assert.That(TradeLine().IsMatch(afterEnter), Is.True, afterEnter);
    }

    // README: "Quick start", verbatim.
    private static async Task QuickStartAsync()
    {
        await using var upbit = new UpbitClient();                     // wss://api.upbit.com/websocket/v1

        using var states = upbit.ConnectionStates
            .Subscribe(state => Console.WriteLine(state));             // public: Connecting, public: Connected, …

        using var tickers = upbit.Ticker("KRW-BTC", "KRW-ETH")          // cold: nothing is sent until Subscribe
            .Subscribe(t => Console.WriteLine($"{t.Code} {t.TradePrice} {t.SignedChangeRate:P2}"));

        using var trades = upbit.Trade("KRW-BTC")                       // same socket: every request carries the union
            .Subscribe(t => Console.WriteLine($"{t.Code} {t.AskBid} {t.TradePrice} x {t.TradeVolume}"));

        var books = await upbit.GetOrderbooksAsync(["KRW-BTC"]);         // one-off snapshot; live streams undisturbed
        Console.WriteLine($"best ask {books[0].Units[0].AskPrice}, best bid {books[0].Units[0].BidPrice}");

        Console.ReadLine();                                             // tickers and trades print until Enter
        tickers.Dispose();                                              // tickers leave the wire; trades keep flowing
        Console.ReadLine();                                             // Enter again to quit
    }

    [GeneratedRegex(@"^(?<code>KRW-(BTC|ETH)) \d+(\.\d+)? -?\d+(\.\d+)? ?%\r?$", RegexOptions.Multiline)]
    private static partial Regex TickerLine();

    [GeneratedRegex(@"^KRW-BTC (Ask|Bid) \d+(\.\d+)? x \d+(\.\d+)?\r?$", RegexOptions.Multiline)]
    private static partial Regex TradeLine();
}
