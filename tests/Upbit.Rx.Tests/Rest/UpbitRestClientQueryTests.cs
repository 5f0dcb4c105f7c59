using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>What each endpoint sends, and the arguments refused before anything is sent.</summary>
public sealed class UpbitRestClientQueryTests
{
    private const string MarketsBody = """
        [{"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin","market_event":{"warning":false,"caution":{"PRICE_FLUCTUATIONS":true,"TRADING_VOLUME_SOARING":false,"DEPOSIT_AMOUNT_SOARING":false,"GLOBAL_PRICE_DIFFERENCES":true,"CONCENTRATION_OF_SMALL_ACCOUNTS":false,"NEW_FLAG":true}},"extra":[1,{"a":2}]},
         {"market":"SGD-BTC","english_name":"Bitcoin","market_warning":"CAUTION"}]
        """;

    [Test]
    public void GetMarketsAsync_Details_DecodesEventsAndLegacyWarning()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson(MarketsBody);

        var markets = RestTestRun.Run(scheduler, () => client.GetMarketsAsync(isDetails: true));

        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { "/v1/market/all?is_details=true" }));
        Assert.That(markets, Is.EqualTo(new[]
        {
            new Market
            {
                Code = "KRW-BTC",
                KoreanName = "비트코인",
                EnglishName = "Bitcoin",
                Event = new MarketEvent { Warning = false, Caution = new MarketCaution { PriceFluctuations = true, GlobalPriceDifferences = true } },
                Warning = null,
            },
            new Market { Code = "SGD-BTC", KoreanName = null, EnglishName = "Bitcoin", Event = null, Warning = MarketWarning.Caution },
        }));
    }

    [Test]
    public void GetMarketsAsync_NoDetails_SendsNoParameter()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        var markets = RestTestRun.Run(scheduler, () => client.GetMarketsAsync());

        Assert.That((markets.Count, handler.PathsAndQueries.Single()), Is.EqualTo((0, "/v1/market/all")));
    }

    [Test]
    public void GetOrderbookInstrumentsAsync_StringValues_ReadAsExactDecimals()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("""[{"market":"KRW-BTC","quote_currency":"KRW","tick_size":"1000","supported_levels":["0","10000","100000.50"]}]""");

        var instruments = RestTestRun.Run(scheduler, () => client.GetOrderbookInstrumentsAsync(["KRW-BTC", "KRW-ETH"]));

        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { "/v1/orderbook/instruments?markets=KRW-BTC,KRW-ETH" }));
        Assert.That(instruments, Is.EqualTo(new[]
        {
            new OrderbookInstrument { Code = "KRW-BTC", QuoteCurrency = "KRW", TickSize = 1000m, SupportedLevels = [0m, 10000m, 100000.50m] },
        }));
    }

    [TestCase(30, 0, "/v1/orderbook?markets=KRW-BTC")]
    [TestCase(5, 0, "/v1/orderbook?markets=KRW-BTC&count=5")]
    [TestCase(1, 10000, "/v1/orderbook?markets=KRW-BTC&count=1&level=10000")]
    public void GetOrderbooksAsync_CountAndLevel_SentWhenNotDefault(int count, int level, string expected)
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetOrderbooksAsync(["KRW-BTC"], count, level));

        Assert.That(handler.PathsAndQueries.Single(), Is.EqualTo(expected));
    }

    [Test]
    public void GetAllTickersAsync_QuoteCurrencies_JoinedDistinct()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetAllTickersAsync(["KRW", "BTC", "KRW"]));

        Assert.That(handler.PathsAndQueries.Single(), Is.EqualTo("/v1/ticker/all?quote_currencies=KRW,BTC"));
    }

    [Test]
    public void GetTradesAsync_AllParameters_SentEncoded()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetTradesAsync("KRW-BTC", 500, cursor: 17732400590950000, daysAgo: 3, to: new TimeOnly(9, 5, 7)));

        Assert.That(handler.PathsAndQueries.Single(), Is.EqualTo("/v1/trades/ticks?market=KRW-BTC&count=500&to=090507&cursor=17732400590950000&days_ago=3"));
    }

    [TestCase(CandleInterval.OneSecond, "/v1/candles/seconds")]
    [TestCase(CandleInterval.ThreeMinutes, "/v1/candles/minutes/3")]
    [TestCase(CandleInterval.TwoHundredFortyMinutes, "/v1/candles/minutes/240")]
    [TestCase(CandleInterval.OneWeek, "/v1/candles/weeks")]
    [TestCase(CandleInterval.OneMonth, "/v1/candles/months")]
    [TestCase(CandleInterval.OneYear, "/v1/candles/years")]
    public void GetCandlesAsync_Interval_PathAndEncodedTo(CandleInterval interval, string path)
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-BTC", interval, 200, new DateTimeOffset(2026, 3, 11, 23, 40, 0, TimeSpan.FromHours(9))));

        Assert.That(handler.PathsAndQueries.Single(), Is.EqualTo(path + "?market=KRW-BTC&count=200&to=2026-03-11T14%3A40%3A00Z"));
    }

    [Test]
    public void GetCandlesAsync_PeriodCandle_FirstDayOfPeriodAndConversionDecoded()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("""[{"market":"KRW-BTC","candle_date_time_utc":"2026-03-01T00:00:00","candle_date_time_kst":"2026-03-01T09:00:00","opening_price":1,"high_price":2,"low_price":0.5,"trade_price":1.5,"timestamp":1773240059132,"candle_acc_trade_price":10,"candle_acc_trade_volume":7,"first_day_of_period":"2026-03-01","converted_trade_price":1.25}]""");

        var candle = RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-BTC", CandleInterval.OneMonth)).Single();

        Assert.That((candle.Interval, candle.FirstDayOfPeriod, candle.ConvertedTradePrice, candle.PrevClosingPrice), Is.EqualTo((CandleInterval.OneMonth, "2026-03-01", (decimal?)1.25m, (decimal?)null)));
    }

    [Test]
    public void GetCandlesAsync_ConvertingPriceUnitOnDays_Sent()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson("[]");

        RestTestRun.Run(scheduler, () => client.GetCandlesAsync("BTC-ETH", CandleInterval.OneDay, convertingPriceUnit: "KRW"));

        Assert.That(handler.PathsAndQueries.Single(), Is.EqualTo("/v1/candles/days?market=BTC-ETH&count=1&converting_price_unit=KRW"));
    }

    private static readonly TestCaseData[] Rejected =
    [
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTickersAsync([]))).SetName("GetTickersAsync_NoCodes_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTickersAsync(["krw-btc"]))).SetName("GetTickersAsync_LowerCaseCode_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetAllTickersAsync([]))).SetName("GetAllTickersAsync_NoCurrencies_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetAllTickersAsync(["krw"]))).SetName("GetAllTickersAsync_LowerCaseCurrency_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetOrderbooksAsync(["KRW-BTC"], 0))).SetName("GetOrderbooksAsync_CountZero_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetOrderbooksAsync(["KRW-BTC"], 31))).SetName("GetOrderbooksAsync_Count31_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetOrderbooksAsync(["KRW-BTC"], 30, -1m))).SetName("GetOrderbooksAsync_NegativeLevel_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetOrderbookInstrumentsAsync([]))).SetName("GetOrderbookInstrumentsAsync_NoCodes_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTradesAsync("KRW-BTC", 501))).SetName("GetTradesAsync_Count501_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTradesAsync("KRW-BTC", daysAgo: 8))).SetName("GetTradesAsync_DaysAgo8_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTradesAsync("KRW-BTC", to: new TimeOnly(1, 2, 3, 500)))).SetName("GetTradesAsync_ToWithMilliseconds_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetTradesAsync("KRW BTC"))).SetName("GetTradesAsync_MalformedCode_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute, 201))).SetName("GetCandlesAsync_Count201_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetCandlesAsync("KRW-BTC", (CandleInterval)99))).SetName("GetCandlesAsync_UndefinedInterval_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute, to: new DateTimeOffset(2026, 1, 1, 0, 0, 0, 1, TimeSpan.Zero)))).SetName("GetCandlesAsync_ToWithMilliseconds_Throws"),
        new TestCaseData(new Func<UpbitRestClient, Task>(c => c.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute, convertingPriceUnit: "KRW"))).SetName("GetCandlesAsync_ConvertingUnitOnMinutes_Throws"),
    ];

    [TestCaseSource(nameof(Rejected))]
    public void Call_InvalidArgument_ThrowsAtCallAndSendsNothing(Func<UpbitRestClient, Task> call)
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);

        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => call(client));
        Assert.That(handler.Sent, Is.Empty);
    }
}
