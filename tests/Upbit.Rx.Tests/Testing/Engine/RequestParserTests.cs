using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Server;

namespace Upbit.Rx.Tests.Testing.Engine;

public sealed class RequestParserTests
{
    private static readonly RequestParser s_public = new(new ErrorCatalog(korean: true), isPrivateEndpoint: false);
    private static readonly RequestParser s_private = new(new ErrorCatalog(korean: true), isPrivateEndpoint: true);

    [Test]
    public void Parse_Ping_IsPing()
    {
        Assert.That(s_public.Parse("PING").IsPing, Is.True);
    }

    [Test]
    public void Parse_LiveCapturedRequest_TypesCodesAndFormat()
    {
        var request = s_public.Parse("[{\"ticket\":\"79dd616e\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\",\"BTC-ETH\"]},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"DEFAULT\"}]").Request!;

        Assert.Multiple(() =>
        {
            Assert.That(request.Ticket, Is.EqualTo("79dd616e"));
            Assert.That(request.Format, Is.EqualTo(WireFormat.Default));
            Assert.That(request.IsListSubscriptions, Is.False);
            Assert.That(request.Types.Select(t => t.TypeName), Is.EqualTo(new[] { "orderbook", "ticker" }));
            Assert.That(request.Types[0].Targets, Is.EqualTo(new[] { new CodeTarget("KRW-BTC", 30), new CodeTarget("BTC-ETH", 30) }));
            Assert.That(request.Types[1].Targets, Is.EqualTo(new[] { new CodeTarget("KRW-BTC", 0) }));
        });
    }

    [TestCase("KRW-BTC.1", "KRW-BTC", 1)]
    [TestCase("KRW-BTC.5", "KRW-BTC", 5)]
    [TestCase("KRW-BTC.15", "KRW-BTC", 15)]
    [TestCase("KRW-BTC.30", "KRW-BTC", 30)]
    [TestCase("KRW-ETH.20", "KRW-ETH", 30)]
    [TestCase("USDT-ETH.2", "USDT-ETH", 30)]
    [TestCase("KRW-ETH.x", "KRW-ETH.x", 30)]
    public void Parse_OrderbookSuffix_ResolvedToSupportedUnitCount(string code, string expectedCode, int expectedUnits)
    {
        var request = s_public.Parse("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"" + code + "\"]}]").Request!;

        Assert.That(request.Types[0].Targets.Single(), Is.EqualTo(new CodeTarget(expectedCode, expectedUnits)));
    }

    [Test]
    public void Parse_FlagsLevelAndCamelCase_ReadPerObject()
    {
        var request = s_public.Parse("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":10000,\"is_only_snapshot\":true}," +
            "{\"type\":\"candle.240m\",\"codes\":[\"KRW-BTC\"],\"isOnlyRealtime\":true}]").Request!;

        Assert.That(request.Types.Select(t => (t.Type, t.Interval, t.Level, t.OnlySnapshot, t.OnlyRealtime)), Is.EqualTo(new[]
        {
            (DataType.Orderbook, CandleInterval.OneSecond, 10000m, true, false),
            (DataType.Candle, CandleInterval.TwoHundredFortyMinutes, 0m, false, true),
        }));
    }

    [Test]
    public void Parse_ListSubscriptionsMethodFirst_ListWithTicketAndFormat()
    {
        var request = s_public.Parse("[{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"ticket\":\"unique uuid\"},{\"format\":\"SIMPLE_LIST\"}]").Request!;

        Assert.That((request.IsListSubscriptions, request.Ticket, request.Format, request.Types.Count), Is.EqualTo((true, "unique uuid", (WireFormat?)WireFormat.SimpleList, 0)));
    }

    [TestCase("hello", "WRONG_FORMAT")]
    [TestCase("\"PING\"", "WRONG_FORMAT")]
    [TestCase("[1,2]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"t\"},{\"format\":\"XML\"}]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":\"KRW-BTC\"}]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"],\"is_only_snapshot\":\"yes\"}]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":\"10000\"}]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"t\"},{\"method\":\"LIST_EVERYTHING\"}]", "WRONG_FORMAT")]
    [TestCase("[{\"ticket\":\"\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]", "NO_TICKET")]
    [TestCase("[{\"type\":\"nope\",\"codes\":[\"KRW-BTC\"]}]", "NO_TICKET")]
    [TestCase("[{\"ticket\":\"t\"}]", "NO_TYPE")]
    [TestCase("[{\"ticket\":\"t\"},{}]", "NO_TYPE")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"candle.2m\",\"codes\":[\"KRW-BTC\"]}]", "INVALID_PARAM")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"candle.1m\"}]", "NO_CODES")]
    public void Parse_BadPublicRequest_NamedError(string text, string name)
    {
        Assert.That(s_public.Parse(text).Error?.Name, Is.EqualTo(name));
    }

    [Test]
    public void Parse_PrivateTypes_CodesOptionalForMyOrderAndCategoriesChecked()
    {
        var request = s_private.Parse("[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"},{\"type\":\"announcement\",\"categories\":[\"nft\"],\"include_body\":true}]").Request!;

        Assert.That(request.Types.Select(t => (t.Type, t.Codes, t.Categories?.Single(), t.IncludeBody)), Is.EqualTo(new[]
        {
            (DataType.MyOrder, (IReadOnlyList<string>?)null, (string?)null, false),
            (DataType.MyAsset, null, null, false),
            (DataType.Announcement, null, "nft", true),
        }));
    }
}
