using NUnit.Framework;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

public abstract partial class FakeRestScenarios
{
    private const string InvalidValue = "Invalid parameter. Check the given value!";
    private const string Missing = "Missing request parameter error. Check the required parameters!";
    private const string TypeMismatch = "Type mismatch error. Check the parameters type!";

    [TestCase("/v1/ticker", 400, Missing)]
    [TestCase("/v1/ticker?markets=", 400, Missing)]
    [TestCase("/v1/ticker?markets=KRW-BTC,", 400, InvalidValue)]
    [TestCase("/v1/ticker?markets=KRW-BTC,KRW-NOPE", 404, "Code not found")]
    [TestCase("/v1/ticker/all", 400, Missing)]
    [TestCase("/v1/orderbook?markets=krw-btc", 404, "Code not found")]
    [TestCase("/v1/orderbook?markets=KRW-BTC&count=x", 400, TypeMismatch)]
    [TestCase("/v1/orderbook/instruments", 400, Missing)]
    [TestCase("/v1/market/all?is_details=yes", 400, TypeMismatch)]
    [TestCase("/v1/trades/ticks", 400, Missing)]
    [TestCase("/v1/trades/ticks?market=KRW-BTC&count=501", 400, InvalidValue)]
    [TestCase("/v1/trades/ticks?market=KRW-BTC&count=0", 400, InvalidValue)]
    [TestCase("/v1/trades/ticks?market=KRW-BTC&days_ago=8", 400, InvalidValue)]
    [TestCase("/v1/trades/ticks?market=KRW-BTC&to=25:00:00", 400, InvalidValue)]
    [TestCase("/v1/trades/ticks?market=KRW-BTC&cursor=abc", 400, TypeMismatch)]
    [TestCase("/v1/candles/minutes/2?market=KRW-BTC", 400, InvalidValue)]
    [TestCase("/v1/candles/minutes/1?market=KRW-BTC&count=201", 400, InvalidValue)]
    [TestCase("/v1/candles/days?market=KRW-BTC&to=2026-09-01T09:00:00+09:00", 400, InvalidValue)]
    [TestCase("/v1/candles/days?market=KRW-BTC&to=yesterday", 400, InvalidValue)]
    [TestCase("/v1/candles/days?market=KRW-BTC&converting_price_unit=USD", 400, InvalidValue)]
    [TestCase("/v1/candles/weeks?market=KRW-NOPE", 404, "Code not found")]
    [TestCase("/v1/candles/hours?market=KRW-BTC", 404, "Not found")]
    public async Task Error_BadRequest_UpbitStatusAndIntegerNameBody(string pathAndQuery, int status, string message)
    {
        await using var host = await CreateHostAsync(Quiet);

        var answer = await GetAsync(host, pathAndQuery);

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Body, Is.EqualTo(ErrorBody(status, message)));
    }

    [Test]
    public async Task Error_EncodedOffsetInTo_Accepted()
    {
        await using var host = await CreateHostAsync(Quiet);

        var answer = await GetAsync(host, "/v1/candles/days?market=KRW-BTC&to=2030-01-01T09:00:00%2B09:00");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Orderbook_CountOutOfRange_FallsBackToThirty()
    {
        await using var host = await CreateHostAsync(Quiet);

        var book = (await GetAsync(host, "/v1/orderbook?markets=KRW-BTC&count=31")).Items[0];

        Assert.That(book.GetProperty("orderbook_units").GetArrayLength(), Is.EqualTo(30));
    }

    [Test]
    public async Task Orderbook_UnsupportedLevel_EmptyArray()
    {
        await using var host = await CreateHostAsync(Quiet);

        var answer = await GetAsync(host, "/v1/orderbook?markets=BTC-ETH&level=10");

        Assert.That((answer.Status, answer.Body), Is.EqualTo((200, "[]")));
    }
}
