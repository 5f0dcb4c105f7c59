namespace Upbit.Rx.Connection;

/// <summary>What the connection supervisor does with an Upbit error frame (see <see cref="ServerErrorTable"/>).</summary>
internal enum ServerErrorAction
{
    /// <summary>A retry can succeed: close, reconnect with backoff, resend the current union; no stream fails.</summary>
    Reconnect,

    /// <summary>The request as a whole can never succeed on this endpoint: every stream of the endpoint fails.</summary>
    FailEndpoint,

    /// <summary>One type of the request was rejected: that type's streams fail (the whole endpoint's when the type cannot be told).</summary>
    FailNamedType,
}
