using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    [Test]
    public async Task Consistency_TradeSeenOnSocket_SameSequentialIdAndValuesOverRest()
    {
        await using var host = await CreateHostAsync(WithHistory);
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("trade", ["KRW-ETH"])));
        var frames = await client.ReceiveAsync(3);
        var seen = frames.Select(f => (Trade)f.Message).ToList();

        var ticks = (await GetAsync(host, "/v1/trades/ticks?market=KRW-ETH&count=200")).Items;

        foreach (var trade in seen)
        {
            var tick = ticks.Single(t => t.GetProperty("sequential_id").GetInt64() == trade.SequentialId);
            Assert.That(tick.GetProperty("trade_price").GetDecimal(), Is.EqualTo(trade.TradePrice));
            Assert.That(tick.GetProperty("trade_volume").GetDecimal(), Is.EqualTo(trade.TradeVolume));
            Assert.That(tick.GetProperty("ask_bid").GetString(), Is.EqualTo(trade.AskBid == AskBid.Bid ? "BID" : "ASK"));
            Assert.That(tick.GetProperty("trade_date_utc").GetString(), Is.EqualTo(trade.TradeDate));
            Assert.That(tick.GetProperty("trade_time_utc").GetString(), Is.EqualTo(trade.TradeTime));
            Assert.That(tick.GetProperty("timestamp").GetInt64(), Is.EqualTo(trade.TradeTimestamp));
            Assert.That(tick.GetProperty("prev_closing_price").GetDecimal(), Is.EqualTo(trade.PrevClosingPrice));
        }
    }

    [Test]
    public async Task Consistency_TickerOnSocketAndRest_SameValues()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Ticker("KRW-XRP"));
        var socket = (Ticker)(await client.ReceiveAsync(1))[0].Message;

        var rest = (await GetAsync(host, "/v1/ticker?markets=KRW-XRP")).Items[0];

        Assert.That(rest.GetProperty("trade_price").GetDecimal(), Is.EqualTo(socket.TradePrice));
        Assert.That(rest.GetProperty("signed_change_rate").GetDecimal(), Is.EqualTo(socket.SignedChangeRate));
        Assert.That(rest.GetProperty("acc_trade_price_24h").GetDecimal(), Is.EqualTo(socket.AccTradePrice24h));
        Assert.That(rest.GetProperty("acc_trade_volume").GetDecimal(), Is.EqualTo(socket.AccTradeVolume));
        Assert.That(rest.GetProperty("trade_date").GetString() + rest.GetProperty("trade_time").GetString(), Is.EqualTo(socket.TradeDate + socket.TradeTime));
        Assert.That(rest.GetProperty("trade_timestamp").GetInt64(), Is.EqualTo(socket.TradeTimestamp));
        Assert.That(rest.GetProperty("timestamp").GetInt64(), Is.EqualTo(socket.Timestamp));
        Assert.That(rest.GetProperty("highest_52_week_price").GetDecimal(), Is.EqualTo(socket.Highest52WeekPrice));
    }

    [Test]
    public async Task Consistency_OrderbookOnSocketAndRest_SameUnits()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("orderbook", ["KRW-BTC.15"])));
        var socket = (Orderbook)(await client.ReceiveAsync(1))[0].Message;

        var rest = (await GetAsync(host, "/v1/orderbook?markets=KRW-BTC&count=15")).Items[0];
        var units = rest.GetProperty("orderbook_units").EnumerateArray().Select(u => new OrderbookUnit
        {
            AskPrice = u.GetProperty("ask_price").GetDecimal(),
            BidPrice = u.GetProperty("bid_price").GetDecimal(),
            AskSize = u.GetProperty("ask_size").GetDecimal(),
            BidSize = u.GetProperty("bid_size").GetDecimal(),
        });

        Assert.That(units, Is.EqualTo(socket.Units));
        Assert.That(rest.GetProperty("total_ask_size").GetDecimal(), Is.EqualTo(socket.TotalAskSize));
        Assert.That(rest.GetProperty("total_bid_size").GetDecimal(), Is.EqualTo(socket.TotalBidSize));
    }

    [Test]
    public async Task Consistency_CandleOnSocketAndRest_SameMinuteCandle()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("candle.1m", ["KRW-ETH"])));
        var socket = (Candle)(await client.ReceiveAsync(1))[0].Message;

        var rest = (await GetAsync(host, "/v1/candles/minutes/1?market=KRW-ETH")).Items[0];

        Assert.That(rest.GetProperty("candle_date_time_utc").GetString(), Is.EqualTo(socket.CandleDateTimeUtc));
        Assert.That(rest.GetProperty("candle_date_time_kst").GetString(), Is.EqualTo(socket.CandleDateTimeKst));
        Assert.That(rest.GetProperty("opening_price").GetDecimal(), Is.EqualTo(socket.OpeningPrice));
        Assert.That(rest.GetProperty("trade_price").GetDecimal(), Is.EqualTo(socket.TradePrice));
        Assert.That(rest.GetProperty("candle_acc_trade_volume").GetDecimal(), Is.EqualTo(socket.CandleAccTradeVolume));
        Assert.That(rest.GetProperty("candle_acc_trade_price").GetDecimal(), Is.EqualTo(socket.CandleAccTradePrice));
        Assert.That(rest.GetProperty("timestamp").GetInt64(), Is.EqualTo(socket.Timestamp));
    }
}
