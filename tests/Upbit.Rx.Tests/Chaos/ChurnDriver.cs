using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>Random churn: subscribes of every stream kind and depth, disposes, snapshot calls and private events.</summary>
internal sealed class ChurnDriver(ChaosWorld world)
{
    private static readonly int[] Depths = [1, 5, 15, 30];
    private int _nextSubscriber;
    private int _nextCall;
    private int _nextEvent;

    private Random Random => world.Pick;

    public void Act()
    {
        var live = world.Live.ToList();
        var roll = Random.Next(100);
        if (live.Count > 0 && (roll < 35 || live.Count >= ChaosSettings.MaxLive))
        {
            Dispose(live[Random.Next(live.Count)]);
        }
        else if (roll < 80)
        {
            Subscribe(RandomStream());
        }
        else if (roll < 90)
        {
            Snapshot();
        }
        else
        {
            PublishPrivate();
        }
    }

    public void Subscribe(ChaosStream stream)
    {
        var subscriber = new ChaosSubscriber(++_nextSubscriber, stream, world.Log, world.Scheduler);
        world.Subscribers.Add(subscriber);
        world.Figures.Subscribes++;
        world.Log.Event($"subscribe sub#{subscriber.Id} {stream}");
        subscriber.Start(world.Client);
    }

    public void Dispose(ChaosSubscriber subscriber)
    {
        world.Figures.Disposes++;
        world.Log.Event($"dispose sub#{subscriber.Id} {subscriber.Stream}");
        subscriber.Dispose();
    }

    /// <summary>Publishes an order or asset event stamped with the market's time now.</summary>
    public void PublishPrivate()
    {
        var now = world.MarketMillis;
        var id = $"churn-{world.Seed}-{++_nextEvent}";
        world.Figures.PrivateEvents++;
        if (Random.Next(4) == 0)
        {
            world.Log.Event($"publish myAsset {id}");
            world.Exchange.Publish(PrivateMessages.Asset() with { AssetUuid = id, AssetTimestamp = now, Timestamp = now });
            return;
        }

        var code = RandomCodes(1)[0];
        world.Log.Event($"publish myOrder {code} {id}");
        world.Exchange.Publish(PrivateMessages.Order(code, id) with { OrderTimestamp = now, Timestamp = now });
    }

    private void Snapshot()
    {
        var codes = RandomCodes(1 + Random.Next(3));
        var id = ++_nextCall;
        var (api, task, result) = Random.Next(4) switch
        {
            0 => Call("GetTickersAsync", world.Client.GetTickersAsync(codes)),
            1 => Call("GetTradesAsync", world.Client.GetTradesAsync(codes)),
            2 => Call("GetOrderbooksAsync", world.Client.GetOrderbooksAsync(codes, Depths[Random.Next(Depths.Length)])),
            _ => Call("GetCandlesAsync", world.Client.GetCandlesAsync((CandleInterval)Random.Next(9), codes)),
        };
        world.Figures.SnapshotCalls++;
        world.Log.Event($"snapshot call#{id} {api} {string.Join(",", codes)}");
        world.SnapshotCalls.Add(new SnapshotCall(id, api, codes, world.Now, task, result));
    }

    private ChaosStream RandomStream()
    {
        var roll = Random.Next(100);
        if (roll < 18)
        {
            return new ChaosStream(ChaosStream.Ticker, RandomCodes(1 + Random.Next(3)));
        }

        if (roll < 36)
        {
            return new ChaosStream(ChaosStream.Trade, RandomCodes(1 + Random.Next(3)));
        }

        if (roll < 56)
        {
            return RandomOrderbook();
        }

        if (roll < 72)
        {
            return new ChaosStream(ChaosStream.Candle, RandomCodes(1 + Random.Next(2)), Interval: (CandleInterval)Random.Next(9));
        }

        if (roll < 90)
        {
            return new ChaosStream(ChaosStream.MyOrder, Random.Next(3) == 0 ? [] : RandomCodes(1 + Random.Next(2)));
        }

        return new ChaosStream(ChaosStream.MyAsset, []);
    }

    /// <summary>Any depth; a price-grouping level only on one KRW code, and only a level the market supports (Upbit
    /// sends nothing for any other, so a subscriber to it could never see fresh data).</summary>
    private ChaosStream RandomOrderbook()
    {
        var units = Depths[Random.Next(Depths.Length)];
        var codes = RandomCodes(1 + Random.Next(2));
        if (codes.Count == 1 && Random.Next(3) == 0)
        {
            var levels = world.Exchange.Market.SupportedLevels(codes[0]).Where(l => l > 0m).ToList();
            if (levels.Count > 0)
            {
                return new ChaosStream(ChaosStream.Orderbook, codes, units, levels[Random.Next(levels.Count)]);
            }
        }

        return new ChaosStream(ChaosStream.Orderbook, codes, units);
    }

    private List<string> RandomCodes(int count)
    {
        var all = world.Exchange.Market.Codes;
        return [.. all.OrderBy(_ => Random.Next()).Take(Math.Min(count, all.Count))];
    }

    /// <summary>NB: keeps the call's own task rather than awaiting it: the client runs a caller's continuations on the
    /// thread pool, so a wrapping task would end after the advance that ended the call.</summary>
    private static (string Api, Task Task, Func<IReadOnlyList<UpbitMessage>> Result) Call<T>(string api, Task<IReadOnlyList<T>> task)
        where T : UpbitMessage => (api, task, () => task.Result);
}
