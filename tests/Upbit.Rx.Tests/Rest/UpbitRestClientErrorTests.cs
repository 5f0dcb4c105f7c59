using System.IO.Compression;
using System.Net;
using System.Text;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Rest;

/// <summary>Error bodies, bodies that are not what the endpoint documents, and compressed bodies.</summary>
public sealed class UpbitRestClientErrorTests
{
    [Test]
    public void SendAsync_QuotationErrorIntegerName_UpbitExceptionWithNameMessageStatus()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenStatus(HttpStatusCode.NotFound, """{"error":{"name":404,"message":"Code not found"}}""", "application/json");

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetCandlesAsync("KRW-NOPE", CandleInterval.OneMinute)));

        Assert.That((ex!.ErrorSource, ex.ServerErrorName, ex.ServerMessage, ex.StatusCode, ex.IsTransient), Is.EqualTo((UpbitErrorSource.Server, "404", "Code not found", (HttpStatusCode?)HttpStatusCode.NotFound, false)));
    }

    [Test]
    public void SendAsync_HtmlServerError_StatusNameAndStartOfBody()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenStatus(HttpStatusCode.ServiceUnavailable, "<html>maintenance " + new string('x', 500) + "</html>", "text/html");

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetMarketsAsync()));

        Assert.That((ex!.ErrorSource, ex.ServerErrorName, ex.StatusCode, ex.IsTransient), Is.EqualTo((UpbitErrorSource.Server, (string?)null, (HttpStatusCode?)HttpStatusCode.ServiceUnavailable, true)));
        Assert.That(ex.ServerMessage, Does.StartWith("GET /v1/market/all answered 503").And.Contain("<html>maintenance").And.Length.LessThan(300));
    }

    [TestCase("[{\"market\":\"KRW-BTC\"", "ends too early")]
    [TestCase("{\"market\":\"KRW-BTC\"}", "expected an array")]
    [TestCase("[1]", "expected an object")]
    [TestCase("[{\"market\":\"KRW-BTC\",\"trade_date_utc\":\"2026-03-11\",\"trade_time_utc\":\"14:40:59\",\"timestamp\":1,\"trade_price\":\"abc\"}]", "'[0].trade_price' is not a decimal")]
    [TestCase("[{\"market\":\"KRW-BTC\",\"trade_date_utc\":\"2026-03-11\",\"trade_time_utc\":\"14:40:59\",\"timestamp\":1,\"trade_price\":1,\"trade_volume\":1,\"prev_closing_price\":1,\"change_price\":0,\"ask_bid\":\"BID\"}]", "has no 'sequential_id'")]
    [TestCase("[{\"market\":\"KRW-BTC\",\"sequential_id\":1.5}]", "not a 64-bit integer")]
    [TestCase("[] []", "Additional text")]
    [TestCase("<html></html>", "not valid JSON")]
    [TestCase("", "ends too early")]
    public void GetTradesAsync_MalformedBody_ClearErrorNamingEndpoint(string body, string expected)
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.ThenJson(body);

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetTradesAsync("KRW-BTC")));

        Assert.That((ex!.ErrorSource, ex.ClientCondition, ex.ServerErrorName), Is.EqualTo((UpbitErrorSource.Client, UpbitClientCondition.MalformedResponse, (string?)null)));
        Assert.That(ex.Message, Does.StartWith("GET /v1/trades/ticks returned a body").And.Contain(expected));
    }

    [Test]
    public void GetTradesAsync_InvalidUtf8_MalformedNotCrash()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        handler.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([(byte)'[', 0xC3, 0x28, (byte)']']) });

        var ex = Assert.Throws<UpbitException>(() => RestTestRun.Run(scheduler, () => client.GetTradesAsync("KRW-BTC")));

        Assert.That(ex!.Message, Does.Contain("not valid UTF-8"));
    }

    [Test]
    public void GetTickersAsync_GzipBodyLeftCompressedByHandler_Decompressed()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var json = RestFixtures.Text(RestFixtures.Tickers + ".json");
        handler.Then(request =>
        {
            var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionMode.Compress, leaveOpen: true))
            {
                gzip.Write(Encoding.UTF8.GetBytes(json));
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(packed.ToArray()) };
            response.Content.Headers.ContentEncoding.Add("gzip");
            return response;
        });

        var tickers = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(tickers, Is.EqualTo(new[] { RestExpected.Ticker }));
        Assert.That(handler.Sent[0].Request.Headers.AcceptEncoding.Select(e => e.Value), Does.Contain("gzip"));
    }

    [Test]
    public void GetTickersAsync_UnknownFieldsAndNestedValues_Skipped()
    {
        var scheduler = RestTestRun.Scheduler();
        var (client, handler) = RestTestRun.Client(scheduler);
        var json = RestFixtures.Text(RestFixtures.Tickers + ".json").Replace("\"market\"", "\"new_thing\":{\"a\":[1,2,{\"b\":null}]},\"more\":[],\"market\"", StringComparison.Ordinal);
        handler.ThenJson(json);

        var tickers = RestTestRun.Run(scheduler, () => client.GetTickersAsync(["KRW-BTC"]));

        Assert.That(tickers, Is.EqualTo(new[] { RestExpected.Ticker }));
    }
}
