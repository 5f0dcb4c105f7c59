using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Subscriptions;

/// <summary>The duplicate filter across a switch between the socket and the REST fallback, in both directions.</summary>
public sealed class CrossSourceDuplicatesTests
{
    [Test]
    public void IsDuplicate_RestTickerOfTheSocketsLatestState_DroppedBothWays()
    {
        var duplicates = Duplicates.For(StreamKind.Ticker);
        var socket = Make.Ticker("KRW-BTC", 100m, 1_000);
        var rest = AsRest(socket) with { Timestamp = 1_500 };

        var verdicts = new[] { duplicates.IsDuplicate(socket, rest), duplicates.IsDuplicate(rest, socket) };

        Assert.That(verdicts, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void IsDuplicate_RestTickerWithANewPrice_Kept()
    {
        var duplicates = Duplicates.For(StreamKind.Ticker);
        var socket = Make.Ticker("KRW-BTC", 100m, 1_000);
        var rest = AsRest(socket) with { TradePrice = 101m };

        var verdicts = new[] { duplicates.IsDuplicate(socket, rest), duplicates.IsDuplicate(rest, socket) };

        Assert.That(verdicts, Is.EqualTo(new[] { false, false }));
    }

    [Test]
    public void IsDuplicate_TwoSocketTickersDifferingOnlyInSendTime_BothKept()
    {
        var duplicates = Duplicates.For(StreamKind.Ticker);
        var first = Make.Ticker("KRW-BTC", 100m, 1_000);

        Assert.That(duplicates.IsDuplicate(first, first with { Timestamp = 2_000 }), Is.False, "the socket's own rule is unchanged");
    }

    [Test]
    public void IsDuplicate_RestBookStampedLater_DroppedAgainstTheSocketsAndTheLastPoll()
    {
        var duplicates = Duplicates.For(StreamKind.Orderbook);
        var socket = Make.Orderbook("KRW-BTC", 15, 1_000) with { Level = null };
        var poll = socket with { StreamType = StreamType.Rest, Timestamp = 5_000, Level = 0m, Units = [.. socket.Units] };
        var nextPoll = poll with { Timestamp = 6_000 };
        var moved = nextPoll with { TotalAskSize = socket.TotalAskSize + 1m };

        var verdicts = new[] { duplicates.IsDuplicate(socket, poll), duplicates.IsDuplicate(poll, nextPoll), duplicates.IsDuplicate(nextPoll, moved) };

        Assert.That(verdicts, Is.EqualTo(new[] { true, true, false }));
    }

    private static Ticker AsRest(Ticker socket) => socket with
    {
        StreamType = StreamType.Rest,
        TradeDateKst = "20260901",
        TradeTimeKst = "090000",
        AskBid = AskBid.Unknown,
        AccAskVolume = null,
        AccBidVolume = null,
        MarketState = MarketState.Unknown,
        IsTradingSuspended = null,
        DelistingDate = null,
        MarketWarning = null,
    };
}
