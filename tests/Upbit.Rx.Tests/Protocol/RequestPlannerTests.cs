using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Protocol;

public sealed class RequestPlannerTests
{
    [TestCase("ticker KRW-BTC", """[{"ticket":"t1"},{"type":"ticker","codes":["KRW-BTC"]},{"format":"DEFAULT"}]""", TestName = "Plan_SingleTicker")]
    [TestCase(
        "trade KRW-ETH; ticker KRW-ETH; orderbook KRW-BTC; ticker KRW-BTC",
        """[{"ticket":"t1"},{"type":"orderbook","codes":["KRW-BTC.30"]},{"type":"ticker","codes":["KRW-BTC","KRW-ETH"]},{"type":"trade","codes":["KRW-ETH"]},{"format":"DEFAULT"}]""",
        TestName = "Plan_TickerTradeOrderbook_OneObjectPerTypeSortedByTypeAndCode")]
    [TestCase(
        "~ticker KRW-BTC; ticker KRW-XRP; ticker KRW-ETH; ~trade KRW-BTC",
        """[{"ticket":"t1"},{"type":"ticker","codes":["KRW-ETH","KRW-XRP"]},{"type":"ticker","codes":["KRW-BTC"],"is_only_realtime":true},{"type":"trade","codes":["KRW-BTC"],"is_only_realtime":true},{"format":"DEFAULT"}]""",
        TestName = "Plan_MixedNewAndLiveKeys_SplitIntoTwoObjectsOfOneType")]
    [TestCase(
        "orderbook KRW-BTC 15 10000; orderbook KRW-ETH 5 1000; orderbook KRW-XRP 30; orderbook KRW-SOL 1; orderbook KRW-ADA 5 1000.00",
        """[{"ticket":"t1"},{"type":"orderbook","codes":["KRW-SOL.1","KRW-XRP.30"]},{"type":"orderbook","codes":["KRW-ADA.5","KRW-ETH.5"],"level":1000},{"type":"orderbook","codes":["KRW-BTC.15"],"level":10000},{"format":"DEFAULT"}]""",
        TestName = "Plan_OrderbookUnitsAndLevels_GroupedByLevelWithUnitSuffix")]
    [TestCase(
        "orderbook KRW-BTC 15 0.5",
        """[{"ticket":"t1"},{"type":"orderbook","codes":["KRW-BTC.15"],"level":0.5},{"format":"DEFAULT"}]""",
        TestName = "Plan_FractionalLevel_WrittenInvariantWithoutExponent")]
    [TestCase(
        "c240m KRW-BTC; c1m KRW-ETH; c1m KRW-BTC; c1s KRW-BTC",
        """[{"ticket":"t1"},{"type":"candle.1m","codes":["KRW-BTC","KRW-ETH"]},{"type":"candle.1s","codes":["KRW-BTC"]},{"type":"candle.240m","codes":["KRW-BTC"]},{"format":"DEFAULT"}]""",
        TestName = "Plan_CandlesOfSeveralIntervals_OneObjectPerInterval")]
    [TestCase(
        "!ticker KRW-BTC; ~ticker KRW-BTC; !orderbook KRW-ETH 1",
        """[{"ticket":"t1"},{"type":"orderbook","codes":["KRW-ETH.1"],"is_only_snapshot":true},{"type":"ticker","codes":["KRW-BTC"],"is_only_realtime":true},{"type":"ticker","codes":["KRW-BTC"],"is_only_snapshot":true},{"format":"DEFAULT"}]""",
        TestName = "Plan_SnapshotOnlyFetch_OwnObjectBesideLiveKey")]
    [TestCase(
        "myOrder KRW-ETH; myOrder; myOrder KRW-BTC",
        """[{"ticket":"t1"},{"type":"myOrder"},{"format":"DEFAULT"}]""",
        TestName = "Plan_MyOrderAllMarkets_OmitsCodes")]
    [TestCase(
        "myOrder KRW-ETH; myOrder KRW-BTC",
        """[{"ticket":"t1"},{"type":"myOrder","codes":["KRW-BTC","KRW-ETH"]},{"format":"DEFAULT"}]""",
        TestName = "Plan_MyOrderSpecificMarkets_SortedCodes")]
    [TestCase(
        "announcement trade; ~announcement maintenance; announcement trade",
        """[{"ticket":"t1"},{"type":"announcement","categories":["maintenance","trade"]},{"format":"DEFAULT"}]""",
        TestName = "Plan_AnnouncementCategories_OneObjectNoFlagEvenWhenLive")]
    [TestCase(
        "announcement trade; announcement+body; myOrder",
        """[{"ticket":"t1"},{"type":"announcement","include_body":true},{"type":"myOrder"},{"format":"DEFAULT"}]""",
        TestName = "Plan_AnnouncementAllCategoriesAndBody_OmitsCategoriesAsksBody")]
    [TestCase(
        "myOrder KRW-BTC; myAsset",
        """[{"ticket":"t1"},{"type":"myAsset"},{"type":"myOrder","codes":["KRW-BTC"]},{"format":"DEFAULT"}]""",
        TestName = "Plan_MyAsset_NeverCarriesCodes")]
    [TestCase(
        "ticker KRW-BTC; ticker KRW-BTC; ~trade KRW-BTC; ~trade KRW-BTC",
        """[{"ticket":"t1"},{"type":"ticker","codes":["KRW-BTC"]},{"type":"trade","codes":["KRW-BTC"],"is_only_realtime":true},{"format":"DEFAULT"}]""",
        TestName = "Plan_DuplicateKeys_Merged")]
    public void Plan_Table_GoldenJson(string keys, string expected)
    {
        var json = RequestPlanner.Plan(KeySpec.Parse(keys), WireFormat.Default, "t1");

        Assert.That(json, Is.EqualTo(expected));
    }

    [TestCase(WireFormat.Default, "DEFAULT")]
    [TestCase(WireFormat.Simple, "SIMPLE")]
    [TestCase(WireFormat.JsonList, "JSON_LIST")]
    [TestCase(WireFormat.SimpleList, "SIMPLE_LIST")]
    public void Plan_EachFormat_WrittenInFormatObject(WireFormat format, string wireName)
    {
        var json = RequestPlanner.Plan(KeySpec.Parse("trade KRW-BTC"), format, "t1");

        Assert.That(json, Is.EqualTo($$"""[{"ticket":"t1"},{"type":"trade","codes":["KRW-BTC"]},{"format":"{{wireName}}"}]"""));
    }

    [Test]
    public void Plan_InputOrder_DoesNotChangeOutput()
    {
        var keys = KeySpec.Parse("ticker KRW-XRP; ~ticker KRW-BTC; orderbook KRW-ETH 5 100; trade KRW-BTC; c1m KRW-BTC; ticker KRW-ETH");

        var forward = RequestPlanner.Plan(keys, WireFormat.Simple, "t1");
        var backward = RequestPlanner.Plan(keys.Reverse(), WireFormat.Simple, "t1");

        Assert.That(backward, Is.EqualTo(forward));
    }

    [Test]
    public void Plan_TicketNeedingEscape_WrittenAsJsonString()
    {
        var json = RequestPlanner.Plan(KeySpec.Parse("ticker KRW-BTC"), WireFormat.Default, "a\"b\\c");

        Assert.That(json, Is.EqualTo("""[{"ticket":"a\"b\\c"},{"type":"ticker","codes":["KRW-BTC"]},{"format":"DEFAULT"}]"""));
    }

    [Test]
    public void Plan_EmptyUnion_ReturnsNull()
    {
        Assert.That(RequestPlanner.Plan([], WireFormat.Default, "t1"), Is.Null);
    }

    [TestCase("ticker KRW-BTC; myAsset", "A request cannot mix private (myOrder, myAsset, announcement) and public keys")]
    [TestCase("myOrder; trade KRW-BTC", "A request cannot mix private (myOrder, myAsset, announcement) and public keys")]
    [TestCase("ticker KRW-BTC; ~ticker KRW-BTC", "Ticker key 'KRW-BTC' is asked both as SnapshotThenRealtime and as RealtimeOnly; a streaming key is either new or live.")]
    [TestCase("orderbook KRW-BTC 20", "Orderbook key 'KRW-BTC': units must be 1, 5, 15 or 30 (got 20).")]
    [TestCase("orderbook KRW-BTC 15 -1", "Orderbook key 'KRW-BTC': level must be zero or positive (got -1).")]
    [TestCase("ticker", "Ticker key needs a pair code.")]
    [TestCase("announcement trade; ticker KRW-BTC", "A request cannot mix private (myOrder, myAsset, announcement) and public keys")]
    [TestCase("!announcement trade", "Announcement keys cannot be fetched as a snapshot: Upbit sends notices realtime only.")]
    public void Plan_BadKeys_ThrowsArgumentException(string keys, string expectedMessageStart)
    {
        var ex = Assert.Throws<ArgumentException>(() => RequestPlanner.Plan(KeySpec.Parse(keys), WireFormat.Default, "t1"));

        Assert.That(ex!.ParamName, Is.EqualTo("keys"));
        Assert.That(ex.Message, Does.StartWith(expectedMessageStart));
    }

    [Test]
    public void Plan_CodeOnMyAssetOrLevelOnTicker_ThrowsArgumentException()
    {
        PlannedKey[] asset = [PlannedKey.New(new StreamKey(StreamKind.MyAsset, "KRW-BTC"))];
        PlannedKey[] ticker = [PlannedKey.New(new StreamKey(StreamKind.Ticker, "KRW-BTC", OrderbookLevel: 10m))];

        Assert.Throws<ArgumentException>(() => RequestPlanner.Plan(asset, WireFormat.Default, "t1"));
        Assert.Throws<ArgumentException>(() => RequestPlanner.Plan(ticker, WireFormat.Default, "t1"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Plan_BlankTicket_ThrowsArgumentException(string ticket)
    {
        Assert.Throws<ArgumentException>(() => RequestPlanner.Plan(KeySpec.Parse("ticker KRW-BTC"), WireFormat.Default, ticket));
    }

    [Test]
    public void Plan_UndefinedFormat_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestPlanner.Plan(KeySpec.Parse("ticker KRW-BTC"), (WireFormat)9, "t1"));
    }

    [Test]
    public void ListSubscriptionsRequest_NoFormat_TicketAndMethodOnly()
    {
        Assert.That(RequestPlanner.ListSubscriptionsRequest("t2"), Is.EqualTo("""[{"ticket":"t2"},{"method":"LIST_SUBSCRIPTIONS"}]"""));
    }

    [Test]
    public void ListSubscriptionsRequest_WithFormat_AppendsFormatObject()
    {
        Assert.That(
            RequestPlanner.ListSubscriptionsRequest("t2", WireFormat.SimpleList),
            Is.EqualTo("""[{"ticket":"t2"},{"method":"LIST_SUBSCRIPTIONS"},{"format":"SIMPLE_LIST"}]"""));
    }
}
