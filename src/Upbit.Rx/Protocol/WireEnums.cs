using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <summary>
/// The wire spelling of every enum value, both ways. Parsing never fails: text this library does not know maps to
/// <c>Unknown</c>, and <c>Unknown</c> is written as <see cref="UnknownText"/>.
/// </summary>
internal static class WireEnums
{
    /// <summary>What the encoder writes for an <c>Unknown</c> value (the original text is not kept).</summary>
    public const string UnknownText = "UNKNOWN";

    public static StreamType ParseStreamType(string? text) => text switch
    {
        "SNAPSHOT" => StreamType.Snapshot,
        "REALTIME" => StreamType.Realtime,

        // NB: not an Upbit value; the client writes it for values it polled over REST, so recordings round-trip.
        "REST" => StreamType.Rest,
        _ => StreamType.Unknown,
    };

    public static string ToWire(StreamType value) => value switch
    {
        StreamType.Snapshot => "SNAPSHOT",
        StreamType.Realtime => "REALTIME",
        StreamType.Rest => "REST",
        _ => UnknownText,
    };

    public static Change ParseChange(string? text) => text switch
    {
        "RISE" => Change.Rise,
        "EVEN" => Change.Even,
        "FALL" => Change.Fall,
        _ => Change.Unknown,
    };

    public static string ToWire(Change value) => value switch
    {
        Change.Rise => "RISE",
        Change.Even => "EVEN",
        Change.Fall => "FALL",
        _ => UnknownText,
    };

    public static AskBid ParseAskBid(string? text) => text switch
    {
        "ASK" => AskBid.Ask,
        "BID" => AskBid.Bid,
        _ => AskBid.Unknown,
    };

    public static string ToWire(AskBid value) => value switch
    {
        AskBid.Ask => "ASK",
        AskBid.Bid => "BID",
        _ => UnknownText,
    };

    public static MarketState ParseMarketState(string? text) => text switch
    {
        "PREVIEW" => MarketState.Preview,
        "ACTIVE" => MarketState.Active,
        "DELISTED" => MarketState.Delisted,
        _ => MarketState.Unknown,
    };

    public static string ToWire(MarketState value) => value switch
    {
        MarketState.Preview => "PREVIEW",
        MarketState.Active => "ACTIVE",
        MarketState.Delisted => "DELISTED",
        _ => UnknownText,
    };

    public static MarketWarning ParseMarketWarning(string? text) => text switch
    {
        "NONE" => MarketWarning.None,
        "CAUTION" => MarketWarning.Caution,
        _ => MarketWarning.Unknown,
    };

    public static string ToWire(MarketWarning value) => value switch
    {
        MarketWarning.None => "NONE",
        MarketWarning.Caution => "CAUTION",
        _ => UnknownText,
    };

    public static OrderState ParseOrderState(string? text) => text switch
    {
        "wait" => OrderState.Wait,
        "watch" => OrderState.Watch,
        "trade" => OrderState.Trade,
        "done" => OrderState.Done,
        "cancel" => OrderState.Cancel,
        "prevented" => OrderState.Prevented,
        _ => OrderState.Unknown,
    };

    public static string ToWire(OrderState value) => value switch
    {
        OrderState.Wait => "wait",
        OrderState.Watch => "watch",
        OrderState.Trade => "trade",
        OrderState.Done => "done",
        OrderState.Cancel => "cancel",
        OrderState.Prevented => "prevented",
        _ => UnknownText,
    };

    public static OrderType ParseOrderType(string? text) => text switch
    {
        "limit" => OrderType.Limit,
        "price" => OrderType.Price,
        "market" => OrderType.Market,
        "best" => OrderType.Best,
        _ => OrderType.Unknown,
    };

    public static string ToWire(OrderType value) => value switch
    {
        OrderType.Limit => "limit",
        OrderType.Price => "price",
        OrderType.Market => "market",
        OrderType.Best => "best",
        _ => UnknownText,
    };

    public static TimeInForce ParseTimeInForce(string? text) => text switch
    {
        "ioc" => TimeInForce.ImmediateOrCancel,
        "fok" => TimeInForce.FillOrKill,
        "post_only" => TimeInForce.PostOnly,
        _ => TimeInForce.Unknown,
    };

    public static string ToWire(TimeInForce value) => value switch
    {
        TimeInForce.ImmediateOrCancel => "ioc",
        TimeInForce.FillOrKill => "fok",
        TimeInForce.PostOnly => "post_only",
        _ => UnknownText,
    };

    public static SmpType ParseSmpType(string? text) => text switch
    {
        "reduce" => SmpType.Reduce,
        "cancel_maker" => SmpType.CancelMaker,
        "cancel_taker" => SmpType.CancelTaker,
        _ => SmpType.Unknown,
    };

    public static string ToWire(SmpType value) => value switch
    {
        SmpType.Reduce => "reduce",
        SmpType.CancelMaker => "cancel_maker",
        SmpType.CancelTaker => "cancel_taker",
        _ => UnknownText,
    };

    public static AnnouncementEventType ParseAnnouncementEventType(string? text) => text switch
    {
        "CREATED" => AnnouncementEventType.Created,
        "UPDATED" => AnnouncementEventType.Updated,
        _ => AnnouncementEventType.Unknown,
    };

    public static string ToWire(AnnouncementEventType value) => value switch
    {
        AnnouncementEventType.Created => "CREATED",
        AnnouncementEventType.Updated => "UPDATED",
        _ => UnknownText,
    };
}
