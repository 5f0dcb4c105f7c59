using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Cli.Recording;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Protocol;
using Upbit.Rx.Tests.Rest;
using TickerWorker = Upbit.Rx.Tests.Docs.HostingDocExamples.TickerWorker;

namespace Upbit.Rx.Tests.Docs;

/// <summary>
/// Every C# block of README.md, verbatim, so it compiles; <see cref="ReadmeTests"/> checks the README still holds
/// exactly these texts. Blocks that need Upbit itself only compile; the others run against the fake exchange.
/// </summary>
public sealed class ReadmeExamplesTests
{
    // README: "Quick start", compiled against the real client; Upbit.Rx.IntegrationTests runs the same text against the
    // loopback server (Docs/QuickStart/ReadmeQuickStartTests.cs).
    public static async Task QuickStartAsync()
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

    [Test]
    public void Linq_FakeExchangeInVirtualTime_ComposedStreamsMatchTheMarket()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upbit = exchange.CreateClient();
        IScheduler uiScheduler = scheduler;

        var spreads = from book in upbit.Orderbook("KRW-BTC")
                      let best = book.Units[0]
                      select best.AskPrice - best.BidPrice;

        var bigTrades = upbit.Trade("KRW-BTC", "KRW-ETH")
            .Where(t => t.TradePrice * t.TradeVolume >= 1_000_000m)        // trades worth 1M KRW or more
            .Select(t => $"{t.Code} {t.AskBid} {t.TradePrice} x {t.TradeVolume}");

        var btcInEth = upbit.Ticker("KRW-BTC").CombineLatest(upbit.Ticker("KRW-ETH"),
            (btc, eth) => btc.TradePrice / eth.TradePrice);                 // still one socket, one union

        var board = upbit.Ticker("KRW-BTC", "KRW-ETH", "KRW-XRP")
            .ThrottleByCode(TimeSpan.FromMilliseconds(250), scheduler)      // at most 4 values per code per second
            .ObserveOnBounded(uiScheduler, capacity: 64, OverflowPolicy.DropOldest);

        var spreadValues = new List<decimal>();
        var big = new List<string>();
        var allTrades = new List<Trade>();
        var ratios = new List<decimal>();
        var boardValues = new List<Ticker>();
        using var s1 = spreads.Subscribe(spreadValues.Add);
        using var s2 = bigTrades.Subscribe(big.Add);
        using var s3 = upbit.Trade("KRW-BTC", "KRW-ETH").Subscribe(allTrades.Add);
        using var s4 = btcInEth.Subscribe(ratios.Add);
        using var s5 = board.Subscribe(boardValues.Add);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(4.9).Ticks);

        var market = exchange.Market;
        var current = market.Orderbook("KRW-BTC")!;
        Assert.That(spreadValues[^1], Is.EqualTo(current.Units[0].AskPrice - current.Units[0].BidPrice));
        Assert.That(ratios[^1], Is.EqualTo(market.Ticker("KRW-BTC").TradePrice / market.Ticker("KRW-ETH").TradePrice));
        Assert.That(big, Is.EqualTo(allTrades.Where(t => t.TradePrice * t.TradeVolume >= 1_000_000m)
            .Select(t => string.Create(CultureInfo.CurrentCulture, $"{t.Code} {t.AskBid} {t.TradePrice} x {t.TradeVolume}"))));
        Assert.That(boardValues.Count(t => t.Code == "KRW-XRP"), Is.InRange(2, 21));
        Assert.That(boardValues.Last(t => t.Code == "KRW-XRP").TradePrice, Is.EqualTo(market.Ticker("KRW-XRP").TradePrice));
    }

    [Test]
    public void VirtualTime_SocketDropped_ClientReconnectsAndPricesContinue()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upbit = exchange.CreateClient();                     // in memory, on the same virtual clock

        var prices = new List<decimal>();
        using var subscription = upbit.Ticker("KRW-BTC").Subscribe(t => prices.Add(t.TradePrice));

        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);            // ten seconds of market in microseconds
        exchange.Drop(exchange.Connections[^1].Id);                      // the socket dies without a close frame
        scheduler.AdvanceBy(TimeSpan.FromSeconds(9.9).Ticks);           // backoff, reconnect, union sent again

        Assert.That(exchange.Connections, Has.Count.EqualTo(2));
        Assert.That(prices[^1], Is.EqualTo(exchange.Market.Ticker("KRW-BTC").TradePrice));
    }

    [Test]
    public void Health_SilentCode_ListedAndSamplesPrinted()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var upbit = exchange.CreateClient(new UpbitClientOptions { ValidateCodes = false });   // with validation KRW-NOPE would fail at once
        using var live = upbit.Ticker("KRW-BTC").Subscribe(_ => { });
        using var quiet = upbit.Ticker("KRW-NOPE").Subscribe(_ => { });
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = Console.Out;
        Console.SetOut(output);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(61).Ticks);
        try
        {
            using var health = upbit.Health(TimeSpan.FromSeconds(30))        // a snapshot every 30 s, on the client's scheduler
                .Subscribe(h => Console.WriteLine(
                    $"{h.Connections["public"]} · {h.MessagesReceived} msgs · {h.Reconnects} reconnects · {h.DecodeErrors} bad frames"));

            var silent = upbit.GetHealth().MessageAge                         // subscribed streams quiet for over a minute
                .Where(age => age.Value is null || age.Value > TimeSpan.FromMinutes(1))
                .Select(age => age.Key);                                      // e.g. "ticker KRW-NOPE"
            scheduler.AdvanceBy(TimeSpan.FromSeconds(31).Ticks);
            Assert.That(silent, Is.EqualTo(new[] { "ticker KRW-NOPE" }));
            Assert.That(output.ToString(), Does.Contain("public: Connected ·").And.Contain("0 reconnects · 0 bad frames"));
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    [Test]
    public async Task Configuration_Options_ClientStartsWithThem()
    {
        ILoggerFactory? loggerFactory = null;

        var options = new UpbitClientOptions
        {
            Format = WireFormat.Simple,                                 // smaller frames; the records are the same
            Reconnect = new BackoffOptions { InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(30) },
            Linger = TimeSpan.FromSeconds(30),                          // keep the socket through short gaps
            LoggerFactory = loggerFactory,                              // connection changes and handled errors
        };
        await using var upbit = new UpbitClient(options);

        Assert.That(upbit.GetHealth().Connections["public"].Status, Is.EqualTo(ConnectionStatus.Disconnected));
    }

    [Test]
    public void Rest_MarketsTickerAndCandlePages_DecodedAndPaged()
    {
        var scheduler = RestTestRun.Scheduler();
        var now = RestTestRun.Start;
        var handler = new ScriptedHttpHandler(scheduler)
            .ThenJson("""[{"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin","market_event":{"warning":false}}]""")
            .Then(_ => RestFixtures.Response(RestFixtures.Tickers));
        var starts = PagingScript.Every(now.AddDays(-2), now, TimeSpan.FromMinutes(1));
        handler.Otherwise = request => PagingScript.Candles(request, starts);
        using var http = new HttpClient(handler);
        using var upbit = new UpbitClient(new UpbitClientOptions { HttpClient = http, Scheduler = scheduler });

        var (markets, btc, warmUp) = RestTestRun.Run(scheduler, async () =>
        {
            var markets = await upbit.Rest.GetMarketsAsync(isDetails: true);            // every pair, with its warnings
            var btc = (await upbit.Rest.GetTickersAsync(["KRW-BTC"]))[0];                 // the same Ticker record as the stream

            var warmUp = new List<Candle>();
            await foreach (var candle in upbit.Rest.EnumerateCandlesAsync(               // every 1-minute candle of the last day,
                "KRW-BTC", CandleInterval.OneMinute, now.AddDays(-1), now))              // newest first, 200 per paced request
            {
                warmUp.Add(candle);
            }

            return (markets, btc, warmUp);
        });

        Assert.That((markets[0].Code, btc, warmUp.Count, handler.Sent.Count), Is.EqualTo(("KRW-BTC", RestExpected.Ticker, 1440, 2 + 8)));
    }

    [Test]
    public void Decode_RecordedCapture_GivesExactTrades()
    {
        var path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.jsonl");
        using (var writer = RecordingWriter.Create(path))
        {
            writer.Write(new RecordedFrame(1, "{\"status\":\"UP\"}"));
            writer.Write(new RecordedFrame(2, "{\"type\":\"trade\",\"code\":"));
            writer.Write(new RecordedFrame(3, System.Text.Encoding.UTF8.GetString(Samples.Bytes("ws_trade_default_upbit-docs_krw-btc.json"))));
        }

        // NB: the example reports the cut frame on standard error; capture it (and check it) instead of polluting the test log.
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var console = Console.Error;
        Console.SetError(errors);
        using var restore = System.Reactive.Disposables.Disposable.Create(() => Console.SetError(console));
        var trades = new List<Trade>();
        foreach (var line in File.ReadLines(path))                      // a capture from `upbit-rx record`
        {
            using var json = JsonDocument.Parse(line);                  // {"t":<unix ms>,"frame":"<frame JSON>"}
            var result = UpbitDecoder.Decode(json.RootElement.GetProperty("frame").GetString());
            if (!result.IsSuccess)
            {
                Console.Error.WriteLine(result.Error);                 // what was wrong and where; never throws
                continue;
            }

            trades.AddRange(result.Messages.OfType<Trade>());
        }

        File.Delete(path);
        Assert.That(errors.ToString().ReplaceLineEndings("\n"), Does.Match(@"^[^\n]*path 'code'[^\n]*\n$"), "one line for the one cut frame");
        Assert.That(trades.Select(t => (t.Code, t.TradePrice, t.TradeVolume, t.SequentialId)),
            Is.EqualTo(new[] { ("KRW-BTC", 109847000.0m, 0.00509799m, 17877285547970000L) }));
    }

    /// <summary>The README's hosting block; compiled, not run (docs/hosting.md's tests run the registration).</summary>
    internal static IHost Hosting(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddUpbitRx();                                  // one UpbitClient; options from "Upbit", validated at start
        builder.Services.AddHostedService<TickerWorker>();              // takes UpbitClient in its constructor
        return builder.Build();
    }
}
