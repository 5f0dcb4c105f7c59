using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Tests.Support;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Subscriptions;

/// <summary>Law 4: events are deduplicated by identity, states by content; never by "older timestamp".</summary>
public sealed class DuplicatesTests
{
    [Test]
    public void IsDuplicate_TwoOrdersSecondWithOlderTimestamp_BothKept()
    {
        var duplicates = Duplicates.For(StreamKind.MyOrder);
        var first = PrivateMessages.Order("KRW-BTC", "order-1") with { Timestamp = 2_000 };
        var second = PrivateMessages.Order("KRW-ETH", "order-2") with { Timestamp = 1_000 };

        var verdicts = new[] { duplicates.IsDuplicate(null, first), duplicates.IsDuplicate(first, second) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public void IsDuplicate_SameOrderEventTwice_SecondDropped()
    {
        var duplicates = Duplicates.For(StreamKind.MyOrder);
        var wait = PrivateMessages.Order("KRW-BTC", "order-1");

        var verdicts = new[] { duplicates.IsDuplicate(null, wait), duplicates.IsDuplicate(wait, wait with { StreamType = StreamType.Snapshot }) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void IsDuplicate_OneOrderThroughItsStatesAndTwoFills_EveryEventKept()
    {
        var duplicates = Duplicates.For(StreamKind.MyOrder);
        var wait = PrivateMessages.Order("KRW-BTC", "order-1");
        var events = new[]
        {
            wait,
            wait with { State = OrderState.Trade, TradeUuid = "fill-1" },
            wait with { State = OrderState.Trade, TradeUuid = "fill-2" },
            wait with { State = OrderState.Done },
        };

        var verdicts = events.Select(e => duplicates.IsDuplicate(null, e));

        Assert.That(verdicts, Is.EqualTo(new[] { false, false, false, false }));
    }

    [Test]
    public void IsDuplicate_SameAssetChangeTwice_SecondDropped_NextChangeKept()
    {
        var duplicates = Duplicates.For(StreamKind.MyAsset);
        var change = PrivateMessages.Asset();
        var next = change with { AssetTimestamp = change.AssetTimestamp + 5, Timestamp = change.Timestamp + 5 };

        var verdicts = new[] { duplicates.IsDuplicate(null, change), duplicates.IsDuplicate(change, change), duplicates.IsDuplicate(change, next) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, true, false }));
    }

    [Test]
    public void IsDuplicate_AssetChangeSentAgainLater_Dropped()
    {
        var duplicates = Duplicates.For(StreamKind.MyAsset);
        var change = PrivateMessages.Asset();
        var resent = change with { Timestamp = change.Timestamp + 900, Assets = [.. change.Assets.Select(a => a with { })] };

        var verdicts = new[] { duplicates.IsDuplicate(null, change), duplicates.IsDuplicate(change, resent) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void IsDuplicate_TwoAssetChangesSameUuidAndInstantOtherBalances_BothKept()
    {
        var duplicates = Duplicates.For(StreamKind.MyAsset);
        var change = PrivateMessages.Asset();
        var other = change with { Assets = [change.Assets[0] with { Balance = change.Assets[0].Balance - 1m }] };

        var verdicts = new[] { duplicates.IsDuplicate(null, change), duplicates.IsDuplicate(change, other) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public void IsDuplicate_TradeOlderIdNotSeenBefore_Kept_SeenIdDropped()
    {
        var duplicates = Duplicates.For(StreamKind.Trade);
        var newer = Make.Trade("KRW-BTC", 17877285547970002, 2);
        var older = Make.Trade("KRW-BTC", 17877285547970001, 1);

        var verdicts = new[] { duplicates.IsDuplicate(null, newer), duplicates.IsDuplicate(newer, older), duplicates.IsDuplicate(older, newer) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void IsDuplicate_TickerOlderTimestampOtherContent_Kept()
    {
        var duplicates = Duplicates.For(StreamKind.Ticker);

        var verdict = duplicates.IsDuplicate(Make.Ticker("KRW-BTC", 100m, 5), Make.Ticker("KRW-BTC", 99m, 4, StreamType.Snapshot));

        Assert.That(verdict, Is.False);
    }

    [Test]
    public void IsDuplicate_TickerEqualToLatestButSnapshotTyped_Dropped()
    {
        var duplicates = Duplicates.For(StreamKind.Ticker);

        var verdict = duplicates.IsDuplicate(Make.Ticker("KRW-BTC", 100m, 5), Make.Ticker("KRW-BTC", 100m, 5, StreamType.Snapshot));

        Assert.That(verdict, Is.True);
    }

    [Test]
    public void IsDuplicate_OrderbookEqualContent_Dropped_OtherContentKept()
    {
        var duplicates = Duplicates.For(StreamKind.Orderbook);
        var book = Make.Orderbook("KRW-BTC", 15, 7);

        var verdicts = new[]
        {
            duplicates.IsDuplicate(book, book with { StreamType = StreamType.Snapshot }),
            duplicates.IsDuplicate(book, Make.Orderbook("KRW-BTC", 15, 7, type: StreamType.Snapshot)),
            duplicates.IsDuplicate(book, Make.Orderbook("KRW-BTC", 15, 6)),
        };

        Assert.That(verdicts, Is.EqualTo(new[] { true, true, false }), "a book decoded anew compares by its levels, not by list identity");
    }
}
