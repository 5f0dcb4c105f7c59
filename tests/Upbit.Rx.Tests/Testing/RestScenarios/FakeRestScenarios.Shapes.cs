using NUnit.Framework;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    [Test]
    public async Task Ticker_OneMarket_SameKeysInSameOrderAsRecordedSample()
    {
        await using var host = await CreateHostAsync(Quiet);

        var answer = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Items, Has.Count.EqualTo(1));
        Assert.That(RestAnswer.Keys(answer.Items[0]), Is.EqualTo(RestAnswer.Keys(Sample("rest_get_tickers_upbeat-cassette.json")[0])));
        Assert.That(answer.Items[0].GetProperty("market").GetString(), Is.EqualTo("KRW-BTC"));
    }

    [Test]
    public async Task Orderbook_Default_SampleShapeWithThirtyUnitsBidKeysFirst()
    {
        await using var host = await CreateHostAsync(Quiet);
        var sample = Sample("rest_get_orderbooks_upbeat-cassette.json")[0];

        var book = (await GetAsync(host, "/v1/orderbook?markets=KRW-BTC")).Items[0];
        var units = book.GetProperty("orderbook_units").EnumerateArray().ToList();

        Assert.That(RestAnswer.Keys(book), Is.EqualTo(RestAnswer.Keys(sample)));
        Assert.That(units, Has.Count.EqualTo(30));
        Assert.That(units.Select(RestAnswer.Keys), Is.All.EqualTo(RestAnswer.Keys(sample.GetProperty("orderbook_units")[0])));
        Assert.That(book.GetProperty("level").GetDecimal(), Is.EqualTo(0m));
    }

    [Test]
    public async Task Trades_Default_OneTickWithSampleKeys()
    {
        await using var host = await CreateHostAsync(Quiet);

        var ticks = (await GetAsync(host, "/v1/trades/ticks?market=KRW-BTC")).Items;

        Assert.That(ticks, Has.Count.EqualTo(1));
        Assert.That(RestAnswer.Keys(ticks[0]), Is.EqualTo(RestAnswer.Keys(Sample("rest_get_trades_upbeat-cassette.json")[0])));
        Assert.That(ticks[0].GetProperty("sequential_id").GetInt64(), Is.GreaterThan(1L << 53));
    }

    [Test]
    public async Task Candles_MinutesAndDays_SampleKeys()
    {
        await using var host = await CreateHostAsync(Quiet);

        var minute = (await GetAsync(host, "/v1/candles/minutes/1?market=KRW-BTC")).Items[0];
        var day = (await GetAsync(host, "/v1/candles/days?market=KRW-BTC")).Items[0];

        Assert.That(RestAnswer.Keys(minute), Is.EqualTo(RestAnswer.Keys(Sample("rest_get_candles_minutes_upbeat-cassette.json")[0])));
        Assert.That(minute.GetProperty("unit").GetInt32(), Is.EqualTo(1));
        Assert.That(RestAnswer.Keys(day), Is.EqualTo(RestAnswer.Keys(Sample("rest_get_candles_days_upbeat-cassette.json")[0])));
    }

    [TestCase("seconds", new string[0])]
    [TestCase("minutes/240", new[] { "unit" })]
    [TestCase("weeks", new[] { "first_day_of_period" })]
    [TestCase("months", new[] { "first_day_of_period" })]
    [TestCase("years", new[] { "first_day_of_period" })]
    public async Task Candles_OtherPeriods_BaseKeysPlusTheirOwn(string period, string[] extra)
    {
        await using var host = await CreateHostAsync(Quiet);
        var baseKeys = RestAnswer.Keys(Sample("rest_get_candles_minutes_upbeat-cassette.json")[0]).SkipLast(1);

        var candle = (await GetAsync(host, $"/v1/candles/{period}?market=KRW-ETH")).Items[0];

        Assert.That(RestAnswer.Keys(candle), Is.EqualTo(baseKeys.Concat(extra)));
    }

    [Test]
    public async Task Candles_DaysConvertingToKrw_AddsConvertedPriceFromTheKrwPair()
    {
        await using var host = await CreateHostAsync(Quiet);

        var day = (await GetAsync(host, "/v1/candles/days?market=BTC-ETH&converting_price_unit=KRW")).Items[0];
        var krwBtc = (await GetAsync(host, "/v1/candles/days?market=KRW-BTC")).Items[0];

        Assert.That(RestAnswer.Keys(day)[^1], Is.EqualTo("converted_trade_price"));
        Assert.That(day.GetProperty("converted_trade_price").GetDecimal(),
            Is.EqualTo(day.GetProperty("trade_price").GetDecimal() * krwBtc.GetProperty("trade_price").GetDecimal()));
    }

    [Test]
    public async Task MarketAll_Details_ListsEveryCodeWithItsEvent()
    {
        await using var host = await CreateHostAsync(Quiet);
        host.Exchange.SetMarketEvent("KRW-XRP", true, "PRICE_FLUCTUATIONS");

        var plain = (await GetAsync(host, "/v1/market/all")).Items;
        var detailed = (await GetAsync(host, "/v1/market/all?is_details=true")).Items;
        var xrp = detailed.Single(m => m.GetProperty("market").GetString() == "KRW-XRP").GetProperty("market_event");

        Assert.That(plain.Select(m => m.GetProperty("market").GetString()), Is.EqualTo(host.Exchange.Market.Codes));
        Assert.That(plain.Select(RestAnswer.Keys), Is.All.EqualTo(new[] { "market", "korean_name", "english_name" }));
        Assert.That(detailed.Select(m => RestAnswer.Keys(m)[^1]), Is.All.EqualTo("market_event"));
        Assert.That(xrp.GetProperty("warning").GetBoolean(), Is.True);
        Assert.That(RestAnswer.Keys(xrp.GetProperty("caution")), Is.EqualTo(new[]
        {
            "PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING", "DEPOSIT_AMOUNT_SOARING", "GLOBAL_PRICE_DIFFERENCES", "CONCENTRATION_OF_SMALL_ACCOUNTS",
        }));
        Assert.That(xrp.GetProperty("caution").EnumerateObject().Select(p => p.Value.GetBoolean()), Is.EqualTo(new[] { true, false, false, false, false }));
    }

    [Test]
    public async Task Instruments_KrwAndBtcPairs_TickAndLevelsAsStrings()
    {
        await using var host = await CreateHostAsync(Quiet);

        var rows = (await GetAsync(host, "/v1/orderbook/instruments?markets=KRW-BTC,BTC-ETH")).Items;

        Assert.That(rows.Select(RestAnswer.Keys), Is.All.EqualTo(new[] { "market", "quote_currency", "tick_size", "supported_levels" }));
        Assert.That(rows[0].GetProperty("tick_size").GetString(), Is.EqualTo("1000"));
        Assert.That(rows[0].GetProperty("supported_levels").EnumerateArray().Select(l => l.GetString()),
            Is.EqualTo(new[] { "0", "10000", "100000", "1000000", "10000000", "100000000" }));
        Assert.That(rows[1].GetProperty("quote_currency").GetString(), Is.EqualTo("BTC"));
        Assert.That(rows[1].GetProperty("tick_size").GetString(), Is.EqualTo("0.00000001"));
        Assert.That(rows[1].GetProperty("supported_levels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public async Task TickerAll_KrwQuote_EveryKrwPairInListingOrder()
    {
        await using var host = await CreateHostAsync(Quiet);

        var tickers = (await GetAsync(host, "/v1/ticker/all?quote_currencies=KRW,USDT")).Items;

        Assert.That(tickers.Select(t => t.GetProperty("market").GetString()), Is.EqualTo(new[] { "KRW-BTC", "KRW-ETH", "KRW-XRP", "USDT-BTC" }));
    }

    [Test]
    public async Task Orderbook_CountAndLevel_UnitsAndGridAsAsked()
    {
        await using var host = await CreateHostAsync(Quiet);

        var book = (await GetAsync(host, "/v1/orderbook?markets=KRW-BTC&count=5&level=100000")).Items[0];
        var units = book.GetProperty("orderbook_units").EnumerateArray().ToList();

        Assert.That(units, Has.Count.EqualTo(5));
        Assert.That(units.Select(u => u.GetProperty("ask_price").GetDecimal() % 100000m), Is.All.EqualTo(0m));
        Assert.That(book.GetProperty("level").GetDecimal(), Is.EqualTo(100000m));
    }

    [Test]
    public async Task Headers_Answer_UpbitsQuotationHeaders()
    {
        await using var host = await CreateHostAsync(Quiet);

        var answer = await GetAsync(host, "/v1/ticker?markets=KRW-BTC");

        Assert.That(answer.Header("Remaining-Req"), Is.EqualTo("group=ticker; min=600; sec=9"));
        Assert.That(answer.Header("Limit-By-Ip"), Is.EqualTo("Yes"));
        Assert.That(answer.ContentType, Is.EqualTo("application/json; charset=UTF-8").Or.EqualTo("application/json;charset=UTF-8"));
        Assert.That(answer.Header("Cache-Control"), Does.Contain("no-store"));
    }
}
