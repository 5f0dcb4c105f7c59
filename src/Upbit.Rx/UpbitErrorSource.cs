namespace Upbit.Rx;

/// <summary>Who named the failure an <see cref="UpbitException"/> carries.</summary>
public enum UpbitErrorSource
{
    /// <summary>
    /// Upbit said it: a WebSocket error frame or a REST error response. <see cref="UpbitException.ServerErrorName"/> is
    /// the <c>error.name</c> Upbit sent (for example <c>INVALID_PARAM</c>, or <c>404</c> from the quotation API), or
    /// <see langword="null"/> when the response carried no Upbit error body (a plain-text 429, an HTML 503); the REST
    /// status is in <see cref="UpbitException.StatusCode"/>.
    /// </summary>
    Server,

    /// <summary>
    /// This library decided it: a condition Upbit never names (bad credentials caught before sending, a connection
    /// that gave up, a trade gap, a malformed response, a stalled page walk, a call refused during a block).
    /// <see cref="UpbitException.ClientCondition"/> says which; there is no server error name.
    /// </summary>
    Client,
}
