namespace Upbit.Rx.Testing;

/// <summary>What the fake exchange does with a request over the per-connection limits (5 per second, 100 per minute).</summary>
public enum RequestLimitBehavior
{
    /// <summary>Send a <c>TOO_MANY_REQUESTS</c> error frame, then close the connection with code 1000.</summary>
    ErrorAndClose,

    /// <summary>Drop the request silently: the subscription set stays as it was and nothing is sent.</summary>
    Ignore,

    /// <summary>Do not enforce the limits.</summary>
    Unlimited,
}
