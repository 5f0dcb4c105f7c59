using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// Where the engine's public market data comes from: the deterministic market simulator of the fake exchange, or an
/// upstream <see cref="UpbitClient"/> in the gateway. Sessions hold the keys they route, read snapshots, and route the
/// realtime messages of <see cref="Messages"/> themselves.
/// </summary>
internal interface IMarketSource
{
    /// <summary>Hot: realtime messages of at least every held key (the simulator sends all of its markets). Never
    /// delivered under a caller's lock; a session may receive a message of a key it no longer routes.</summary>
    IObservable<UpbitMessage> Messages { get; }

    /// <summary>Keeps the keys of <paramref name="subscriptions"/> flowing until the result is disposed. A session takes
    /// its new hold before it releases the old one, so keys in both never stop.</summary>
    IDisposable Hold(IReadOnlyList<TypeSubscription> subscriptions);

    /// <summary>Whether the source can serve one target of a type object (a known code, a supported level); one it
    /// cannot gets nothing, silently, as on Upbit.</summary>
    bool Serves(TypeSubscription subscription, CodeTarget target);

    /// <summary>The first value for one target of a type object.</summary>
    /// <returns><see langword="false"/> when the source cannot serve the target (see <see cref="Serves"/>, or no value
    /// can be made for it). Otherwise <see langword="true"/> with the current value (the session cuts it to the target
    /// and marks it <see cref="StreamType.Snapshot"/>), or with <see langword="null"/> when none is known yet: the
    /// target's first message from <see cref="Messages"/> is then its snapshot.</returns>
    bool TrySnapshot(TypeSubscription subscription, CodeTarget target, out UpbitMessage? snapshot);

    /// <summary>A realtime book cut to a route's depth and level, or <see langword="null"/> when
    /// <paramref name="book"/> is another level's.</summary>
    Orderbook? Reshape(Orderbook book, int units, decimal level);
}
