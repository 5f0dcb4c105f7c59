using System.Text;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>The recorded Upbit frames copied into Fixtures/, and decode helpers the codec tests share.</summary>
internal static class Samples
{
    public const string TickerSnapshot = "ws_ticker_default_snapshot_upbit-docs-recipe-java.json";
    public const string TickerRealtime = "ws_ticker_default_realtime_upbit-docs-recipe-java.json";
    public const string TickerLegacy2018 = "ws_ticker_default_upbit-docs-test-and-request-sample-2018.json";
    public const string TradeBtc = "ws_trade_default_upbit-docs_krw-btc.json";
    public const string TradeEth = "ws_trade_default_upbit-docs_krw-eth.json";
    public const string OrderbookBtc = "ws_orderbook_default_upbit-docs_krw-btc_level10000.json";
    public const string OrderbookEth = "ws_orderbook_default_upbit-docs_krw-eth_level0.json";
    public const string Candle1m = "ws_candle_default_upbit-docs_1m.json";
    public const string Candle15m = "ws_candle_default_upbit-docs_15m.json";
    public const string MyOrder = "ws_myorder_default_upbit-docs.json";
    public const string MyAsset = "ws_myasset_default_upbit-docs.json";
    public const string Announcement = "ws_announcement_default_upbit-docs.json";
    public const string StatusUp = "ws_status_up_upbit-kr-live.json";
    public const string ErrorInvalidAuth = "ws_error_invalid_auth_upbit-docs-example.json";
    public const string ErrorInvalidParam = "ws_error_invalid_param_upbit-kr-live.json";
    public const string ErrorNoTicket = "ws_error_no_ticket_upbit-kr-live.json";
    public const string ErrorWrongFormat = "ws_error_wrong_format_upbit-kr-live.json";
    public const string ListPublic = "ws_list_subscriptions_public_upbit-docs.json";
    public const string ListPrivate = "ws_list_subscriptions_private_upbit-docs.json";

    /// <summary>Every server frame sample the decoder handles.</summary>
    public static readonly string[] All =
    [
        TickerSnapshot, TickerRealtime, TickerLegacy2018, TradeBtc, TradeEth, OrderbookBtc, OrderbookEth, Candle1m, Candle15m,
        MyOrder, MyAsset, Announcement, StatusUp, ErrorInvalidAuth, ErrorInvalidParam, ErrorNoTicket, ErrorWrongFormat,
        ListPublic, ListPrivate,
    ];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    /// <summary>Decodes a frame that must hold exactly one message, failing the test with the decoder's error otherwise.</summary>
    public static UpbitMessage DecodeOne(byte[] frame)
    {
        var messages = DecodeAll(frame);
        Assert.That(messages, Has.Count.EqualTo(1));
        return messages[0];
    }

    public static UpbitMessage DecodeOne(string json) => DecodeOne(Encoding.UTF8.GetBytes(json));

    public static T DecodeSample<T>(string name)
        where T : UpbitMessage => (T)DecodeOne(Bytes(name));

    public static List<UpbitMessage> DecodeAll(byte[] frame)
    {
        var output = new List<UpbitMessage>();
        var ok = new FrameDecoder().TryDecode(frame, output, out var error);
        Assert.That(error, Is.Null);
        Assert.That(ok, Is.True);
        return output;
    }

    /// <summary>Decodes a frame that must fail and returns the error text.</summary>
    public static string DecodeError(string json) => DecodeError(Encoding.UTF8.GetBytes(json));

    public static string DecodeError(byte[] frame)
    {
        var output = new List<UpbitMessage>();
        var ok = new FrameDecoder().TryDecode(frame, output, out var error);
        Assert.That((ok, output.Count), Is.EqualTo((false, 0)));
        return error!;
    }
}
