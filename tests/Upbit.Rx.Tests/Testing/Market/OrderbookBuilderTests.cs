using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Tests.Testing.Market;

public sealed class OrderbookBuilderTests
{
    [Test]
    public void Build_Level0_AsksFromBestBidPlusTickBidsFromBestBid()
    {
        var book = OrderbookBuilder.Build("KRW-ETH", 5_200_000m, 1000m, 0m, 3, 1, 100_000m, StreamType.Snapshot, 42);

        Assert.That(book.Units.Select(u => (u.AskPrice, u.BidPrice)), Is.EqualTo(new[]
        {
            (5_201_000m, 5_200_000m), (5_202_000m, 5_199_000m), (5_203_000m, 5_198_000m),
        }));
        Assert.That((book.Level, book.Timestamp, book.StreamType), Is.EqualTo(((decimal?)0m, 42L, StreamType.Snapshot)));
    }

    [Test]
    public void Build_GroupingLevel_PricesOnTheLevelGridBidBelowAskAbove()
    {
        var book = OrderbookBuilder.Build("KRW-BTC", 145_123_000m, 1000m, 100_000m, 2, 1, 100_000m, StreamType.Realtime, 0);

        Assert.That(book.Units.Select(u => (u.AskPrice, u.BidPrice)), Is.EqualTo(new[]
        {
            (145_200_000m, 145_100_000m), (145_300_000m, 145_000_000m),
        }));
    }

    [Test]
    public void Build_LevelAbovePrice_BidsPaddedWithZeros()
    {
        var book = OrderbookBuilder.Build("KRW-XRP", 3_900m, 1m, 10_000m, 2, 1, 100_000m, StreamType.Realtime, 0);

        Assert.That(book.Units.Select(u => (u.AskPrice, u.BidPrice, u.BidSize)), Is.EqualTo(new[] { (10_000m, 0m, 0m), (20_000m, 0m, 0m) }));
        Assert.That(book.TotalBidSize, Is.EqualTo(0m));
    }

    [Test]
    public void Build_SameInputs_SameSizesAndNextVersionDiffers()
    {
        var first = OrderbookBuilder.Build("KRW-BTC", 145_000_000m, 1000m, 0m, 30, 7, 100_000m, StreamType.Realtime, 0);
        var again = OrderbookBuilder.Build("KRW-BTC", 145_000_000m, 1000m, 0m, 30, 7, 100_000m, StreamType.Realtime, 0);
        var next = OrderbookBuilder.Build("KRW-BTC", 145_000_000m, 1000m, 0m, 30, 8, 100_000m, StreamType.Realtime, 0);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(next.Units.Select(u => u.AskSize), Is.Not.EqualTo(first.Units.Select(u => u.AskSize)));
    }
}
