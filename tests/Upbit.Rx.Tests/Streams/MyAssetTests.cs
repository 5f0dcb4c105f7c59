using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Streams;

public sealed class MyAssetTests
{
    private static MyAsset Asset(params MyAssetBalance[] balances) => new()
    {
        AssetUuid = "a",
        Assets = balances,
        AssetTimestamp = 1710146517259,
        Timestamp = 1710146517267,
        StreamType = StreamType.Realtime,
    };

    [Test]
    public void Equals_SameBalancesInDifferentLists_EqualWithSameHash()
    {
        var left = Asset(new MyAssetBalance { Currency = "KRW", Balance = 1m, Locked = 0m });
        var right = Asset(new MyAssetBalance { Currency = "KRW", Balance = 1.000m, Locked = 0m });

        Assert.That((left.Equals(right), left.GetHashCode() == right.GetHashCode()), Is.EqualTo((true, true)));
    }

    [Test]
    public void Equals_BalanceDiffers_NotEqual()
    {
        Assert.That(
            Asset(new MyAssetBalance { Currency = "KRW", Balance = 1m, Locked = 0m }),
            Is.Not.EqualTo(Asset(new MyAssetBalance { Currency = "KRW", Balance = 2m, Locked = 0m })));
    }

    [Test]
    public void Times_Timestamps_UtcInstants()
    {
        var asset = Asset();

        Assert.That(
            (asset.AssetsChangedAt, asset.Time),
            Is.EqualTo((DateTimeOffset.FromUnixTimeMilliseconds(1710146517259), DateTimeOffset.FromUnixTimeMilliseconds(1710146517267))));
    }
}
