using System.Globalization;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Every recorded REST response, served with its recorded headers, decodes through the client with every field exact.</summary>
public sealed class RestFixtureTests
{
    [Test]
    public void GetTickersAsync_RecordedResponse_EveryFieldExact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.Tickers));

        var tickers = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(tickers, Is.EqualTo(new[] { RestExpected.Ticker }));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { RestFixtures.RecordedPathAndQuery(RestFixtures.Tickers) }));
    }

    [Test]
    public void GetTradesAsync_RecordedResponse_EveryFieldExact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.Trades));

        var trades = RestTestRun.Run(scheduler, () => client.GetTradesAsync("KRW-BTC"));

        Assert.That(trades, Is.EqualTo(new[] { RestExpected.Trade }));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { RestFixtures.RecordedPathAndQuery(RestFixtures.Trades) + "&count=1" }));
    }

    [Test]
    public void GetOrderbooksAsync_RecordedResponse_EveryFieldExact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.Orderbooks));

        var books = RestTestRun.Run(scheduler, () => client.GetOrderbooksAsync(["KRW-BTC"]));

        Assert.That(books, Is.EqualTo(new[] { RestExpected.Orderbook }));
        Assert.That(books[0].Units, Has.Length.EqualTo(30));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { RestFixtures.RecordedPathAndQuery(RestFixtures.Orderbooks) }));
    }

    [Test]
    public void GetCandlesAsync_RecordedMinuteResponse_EveryFieldExact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.MinuteCandles));

        var candles = RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-BTC", CandleInterval.OneMinute));

        Assert.That(candles, Is.EqualTo(new[] { RestExpected.MinuteCandle }));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { RestFixtures.RecordedPathAndQuery(RestFixtures.MinuteCandles) + "&count=1" }));
    }

    [Test]
    public void GetCandlesAsync_RecordedDayResponse_EveryFieldExact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.DayCandles));

        var candles = RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-BTC", CandleInterval.OneDay));

        Assert.That(candles, Is.EqualTo(new[] { RestExpected.DayCandle }));
        Assert.That(handler.PathsAndQueries, Is.EqualTo(new[] { RestFixtures.RecordedPathAndQuery(RestFixtures.DayCandles) + "&count=1" }));
    }

    [Test]
    public void GetTickersAsync_RecordedResponse_TrailingZerosAndLongDecimalsKept()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.Tickers));

        var ticker = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]))[0];

        Assert.That(
            new[] { ticker.OpeningPrice, ticker.AccTradePrice, ticker.ChangeRate }.Select(d => d.ToString(CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { "102417000.0", "104890185475.22821", "0.0105060683" }));
    }

    [Test]
    public void GetOrderbooksAsync_RecordedResponse_LowerCaseExponentReadExactly()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => RestFixtures.Response(RestFixtures.Orderbooks));

        var book = RestTestRun.Run(scheduler, () => client.GetOrderbooksAsync(["KRW-BTC"]))[0];

        Assert.That(book.Units.Single(u => u.BidPrice == 103332000m).BidSize, Is.EqualTo(0.00004843m));
    }

    [Test]
    public void GetTradesAsync_RecordedResponse_SequentialIdAbove2Pow53Exact()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson(RestFixtures.Text(RestFixtures.Trades + ".json").Replace("17732400590950000", "17732400590950001", StringComparison.Ordinal));

        var trade = RestTestRun.Run(scheduler, () => client.GetTradesAsync("KRW-BTC"))[0];

        Assert.That(trade.SequentialId, Is.EqualTo(17732400590950001L));
    }

    [Test]
    public void GetOrderbooksAsync_RecordedOrderErrorBody_UpbitExceptionWithStringName()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenStatus(System.Net.HttpStatusCode.BadRequest, RestFixtures.Text(RestFixtures.OrderError + ".json"), "application/json");

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetOrderbooksAsync(["KRW-BTC"])));

        Assert.That(
            (ex!.ServerErrorName, ex.ServerMessage, ex.StatusCode),
            Is.EqualTo(("invalid_price_bid", "주문가격 단위를 잘못 입력하셨습니다. 확인 후 시도해주세요.", (System.Net.HttpStatusCode?)System.Net.HttpStatusCode.BadRequest)));
    }
}
