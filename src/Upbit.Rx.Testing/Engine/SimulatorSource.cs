using System.Reactive.Disposables;
using Upbit.Rx.Server;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Engine;

/// <summary>The fake exchange's market source: the <see cref="MarketSimulator"/>, which produces every market all the
/// time, so holding keys costs nothing.</summary>
internal sealed class SimulatorSource(MarketSimulator market) : IMarketSource
{
    public IObservable<UpbitMessage> Messages => market.Messages;

    public IDisposable Hold(IReadOnlyList<TypeSubscription> subscriptions) => Disposable.Empty;

    /// <summary>Unknown or lower-case codes, unsupported levels and non-zero levels on non-KRW pairs get nothing.</summary>
    public bool Serves(TypeSubscription subscription, CodeTarget target) =>
        market.IsListed(target.Code)
        && (subscription.Type != DataType.Orderbook || market.SupportedLevels(target.Code).Contains(subscription.Level));

    public bool TrySnapshot(TypeSubscription subscription, CodeTarget target, out UpbitMessage? snapshot)
    {
        snapshot = !Serves(subscription, target) ? null : subscription.Type switch
        {
            DataType.Ticker => market.Ticker(target.Code),
            DataType.Trade => market.Trade(target.Code),
            DataType.Orderbook => market.Orderbook(target.Code, target.Units, subscription.Level),
            _ => market.Candle(target.Code, subscription.Interval),
        };
        return snapshot is not null;
    }

    public Orderbook? Reshape(Orderbook book, int units, decimal level) =>
        market.Orderbook(book.Code, units, level, StreamType.Realtime);
}
