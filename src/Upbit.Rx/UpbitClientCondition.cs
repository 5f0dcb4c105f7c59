namespace Upbit.Rx;

/// <summary>
/// The conditions this library reports as an <see cref="UpbitException"/> of source <see cref="UpbitErrorSource.Client"/>.
/// Server errors have <see cref="None"/>.
/// </summary>
public enum UpbitClientCondition
{
    /// <summary>Not a client condition: the exception carries a server error (<see cref="UpbitErrorSource.Server"/>).</summary>
    None = 0,

    /// <summary>The credentials could not sign a request (for example a secret key that is not usable); nothing was sent.</summary>
    InvalidCredentials,

    /// <summary>
    /// The connection gave up after <see cref="BackoffOptions.MaxRetryAttempts"/> consecutive failed attempts; the
    /// <see cref="Exception.InnerException"/> is the last failure (a socket error, or the last server error).
    /// </summary>
    ConnectionFailed,

    /// <summary>A REST response was not the JSON the endpoint documents; the message names the endpoint and the fault.</summary>
    MalformedResponse,

    /// <summary>A page walk stopped because the server returned no older item; continuing would loop.</summary>
    PagingStalled,

    /// <summary>Upbit blocked this IP (418) and the client refuses calls until the block ends (<see cref="UpbitRestBlockedException"/>).</summary>
    Blocked,

    /// <summary>Trades missed across a reconnect could not all be backfilled (<see cref="UpbitTradeGapException"/>).</summary>
    TradeGap,

    /// <summary>Pair codes that are not on the market list (<see cref="UnknownMarketCodeException"/>); Upbit would ignore them silently.</summary>
    UnknownMarketCode,

    /// <summary>A snapshot call's REST answer had no value for some of the codes asked; the message names them.</summary>
    MissingSnapshot,
}
