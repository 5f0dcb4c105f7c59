using System.Net;
using System.Text;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Rest;

/// <summary>The recorded REST responses copied into Fixtures/: body and headers, served as they were recorded.</summary>
internal static class RestFixtures
{
    public const string Tickers = "rest_get_tickers_upbeat-cassette";
    public const string Trades = "rest_get_trades_upbeat-cassette";
    public const string Orderbooks = "rest_get_orderbooks_upbeat-cassette";
    public const string MinuteCandles = "rest_get_candles_minutes_upbeat-cassette";
    public const string DayCandles = "rest_get_candles_days_upbeat-cassette";
    public const string OrderError = "rest_error_400_invalid_price_bid_upbit-docs-changelog";

    public static string Text(string file) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", file));

    /// <summary>The recorded request line's path and query (first line of the headers file: <c>GET https://…</c>).</summary>
    public static string RecordedPathAndQuery(string name) => new Uri(Text(name + ".headers.txt").Split('\n')[0].Split(' ')[1].Trim()).PathAndQuery;

    /// <summary>The recorded body with the recorded headers that describe the response (not the transfer framing).</summary>
    public static HttpResponseMessage Response(string name)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Text(name + ".json"))) };
        foreach (var line in Text(name + ".headers.txt").Split('\n').Skip(2))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var (key, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (key is "Transfer-Encoding" or "content-length" or "Connection")
            {
                continue;
            }

            if (!response.Headers.TryAddWithoutValidation(key, value))
            {
                response.Content.Headers.TryAddWithoutValidation(key, value);
            }
        }

        return response;
    }
}
