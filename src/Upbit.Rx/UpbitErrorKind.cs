namespace Upbit.Rx;

/// <summary>What kind of trouble an <see cref="UpbitError"/> reports.</summary>
public enum UpbitErrorKind
{
    /// <summary>A subscriber's OnNext threw; that subscriber was detached, the others go on.</summary>
    SubscriberFault,

    /// <summary>A frame could not be decoded; it was skipped and the feed goes on.</summary>
    MalformedFrame,

    /// <summary>Upbit sent an error frame; the streams it concerns fail with an <see cref="UpbitException"/>.</summary>
    ServerError,

    /// <summary>The connection failed or dropped; the client reconnects.</summary>
    ConnectionFault,

    /// <summary>A stream named pair codes that are not listed; the known codes of the same call go on streaming, the
    /// unknown ones are dropped. A call whose codes are all unknown fails instead (<see cref="UnknownMarketCodeException"/>).</summary>
    UnknownCode,

    /// <summary>The market list could not be fetched over REST; streams go on unchecked and the fetch is retried on
    /// the next need.</summary>
    MarketListUnavailable,
}
