using Upbit.Rx.Server;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Gateway.Upstream;

/// <summary>One upstream stream the gateway holds for its downstream clients: a type, a code and, for candles, the
/// period or, for books, the grouping level (depth is cut per client from the full book).</summary>
internal readonly record struct UpstreamKey(DataType Type, string Code, CandleInterval Interval, decimal Level)
{
    public static UpstreamKey Of(TypeSubscription subscription, string code) => subscription.Type switch
    {
        DataType.Candle => new(DataType.Candle, code, subscription.Interval, 0m),
        DataType.Orderbook => new(DataType.Orderbook, code, default, subscription.Level),
        _ => new(subscription.Type, code, default, 0m),
    };

    /// <summary>The key a message belongs to, or <see langword="null"/> for a message no key holds.</summary>
    public static UpstreamKey? Of(UpbitMessage message) => message switch
    {
        Ticker t => new(DataType.Ticker, t.Code, default, 0m),
        Trade t => new(DataType.Trade, t.Code, default, 0m),
        Orderbook o => new(DataType.Orderbook, o.Code, default, o.Level ?? 0m),
        Candle c => new(DataType.Candle, c.Code, c.Interval, 0m),
        _ => null,
    };

    /// <summary>The upstream client's stream for this key (full 30-unit books at the key's level).</summary>
    /// <exception cref="ArgumentException">The client refuses the code (malformed).</exception>
    public IObservable<UpbitMessage> Open(UpbitClient client) => Type switch
    {
        DataType.Ticker => client.Ticker(Code),
        DataType.Trade => client.Trade(Code),
        DataType.Orderbook => client.Orderbook(30, Level, Code),
        _ => client.Candle(Interval, Code),
    };
}
