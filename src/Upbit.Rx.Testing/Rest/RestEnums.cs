using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Rest;

/// <summary>
/// The wire text of the enums the REST quotation API writes (the same text the WebSocket frames carry). The kit's own
/// copy, because it uses only Upbit.Rx's public API; an enum's <c>Unknown</c> is written as <c>UNKNOWN</c>.
/// </summary>
internal static class RestEnums
{
    public static string ToWire(Change value) => value switch
    {
        Change.Rise => "RISE",
        Change.Even => "EVEN",
        Change.Fall => "FALL",
        _ => "UNKNOWN",
    };

    public static string ToWire(AskBid value) => value switch
    {
        AskBid.Ask => "ASK",
        AskBid.Bid => "BID",
        _ => "UNKNOWN",
    };
}
