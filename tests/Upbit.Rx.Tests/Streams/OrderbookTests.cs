using System.Collections.Immutable;
using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Streams;

public sealed class OrderbookTests
{
    private static Orderbook Book(params OrderbookUnit[] units) => new()
    {
        Code = "KRW-BTC",
        TotalAskSize = 1.5m,
        TotalBidSize = 2m,
        Units = [.. units],
        Level = 0m,
        Timestamp = 1787727947526,
        StreamType = StreamType.Snapshot,
    };

    private static OrderbookUnit Unit(decimal ask, decimal bid) => new() { AskPrice = ask, BidPrice = bid, AskSize = 1m, BidSize = 2m };

    [Test]
    public void Equals_SameUnitsInDifferentArrays_EqualWithSameHash()
    {
        var left = Book(Unit(101m, 100m), Unit(102m, 99m));
        var right = Book(Unit(101m, 100m), Unit(102m, 99m)) with { Units = ImmutableArray.Create(Unit(101m, 100m), Unit(102m, 99m)) };

        Assert.That((left.Equals(right), left == right, left.GetHashCode() == right.GetHashCode()), Is.EqualTo((true, true, true)));
    }

    [Test]
    public void Equals_ThirtyUnitBooks_AllocatesNothing()
    {
        var units = Enumerable.Range(0, 30).Select(i => Unit(101m + i, 100m - i)).ToArray();
        var left = Book(units);
        var right = Book(units) with { Timestamp = left.Timestamp };
        _ = left.Equals(right);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var equal = left.Equals(right);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That((equal, allocated), Is.EqualTo((true, 0L)));
    }

    [Test]
    public void Units_DefaultImmutableArray_ThrowsArgumentException()
    {
        var book = Book(Unit(101m, 100m));

        Assert.That(() => book with { Units = default }, Throws.ArgumentException.With.Message.Contains("use []"));
    }

    [Test]
    public void Units_EmptyBook_EqualsOtherEmptyBook()
    {
        Assert.That(Book() with { Units = [] }, Is.EqualTo(Book()));
    }

    [Test]
    public void Equals_OneUnitDiffers_NotEqual()
    {
        Assert.That(Book(Unit(101m, 100m)), Is.Not.EqualTo(Book(Unit(101m, 99m))));
    }

    [Test]
    public void Equals_FewerUnits_NotEqual()
    {
        Assert.That(Book(Unit(101m, 100m)), Is.Not.EqualTo(Book(Unit(101m, 100m), Unit(102m, 99m))));
    }

    [Test]
    public void Equals_OtherScalarDiffers_NotEqual()
    {
        var book = Book(Unit(101m, 100m));

        Assert.That(new[] { book with { Level = null }, book with { Timestamp = 1 }, book with { Code = "KRW-ETH" } }.Count(b => b.Equals(book)), Is.Zero);
    }

    [Test]
    public void Spread_DesignExample_AskMinusBid()
    {
        var book = Book(Unit(101.5m, 100m));

        Assert.That(book.Units[0].AskPrice - book.Units[0].BidPrice, Is.EqualTo(1.5m));
    }

    [Test]
    public void Time_Timestamp_UtcInstant()
    {
        Assert.That(Book().Time, Is.EqualTo(new DateTimeOffset(2026, 8, 26, 7, 5, 47, 526, TimeSpan.Zero)));
    }
}
