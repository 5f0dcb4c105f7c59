namespace Upbit.Rx.Testing;

/// <summary>What the fake exchange does with a connection attempt over the connect limit (5 per second).</summary>
public enum ConnectLimitBehavior
{
    /// <summary>Refuse the upgrade with HTTP 429 Too Many Requests.</summary>
    Refuse,

    /// <summary>Do not enforce the limit.</summary>
    Unlimited,
}
