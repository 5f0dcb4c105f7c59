namespace Upbit.Rx.Testing;

/// <summary>
/// How the private endpoint answers a missing or invalid token. The real service's form is not documented,
/// so both are offered.
/// </summary>
public enum AuthFailureBehavior
{
    /// <summary>Accept the upgrade, send an <c>INVALID_AUTH</c> error frame, then close with code 1000.</summary>
    ErrorFrame,

    /// <summary>Refuse the upgrade with HTTP 401 Unauthorized.</summary>
    RefuseUpgrade,
}
