namespace Upbit.Rx.Server;

/// <summary>The answer to an upgrade request.</summary>
/// <param name="Status">101 to accept; otherwise the HTTP status of the refusal (401, 404, 429).</param>
/// <param name="IsPrivate">Whether the path is the private endpoint.</param>
/// <param name="Authorized">Private only: whether the token was valid (an accepted unauthorized connection gets
/// <c>INVALID_AUTH</c> and is closed).</param>
/// <param name="RemainingConnects">Connects left in the current second, for the <c>remaining-req</c> header.</param>
internal sealed record Admission(int Status, bool IsPrivate, bool Authorized, int RemainingConnects)
{
    public bool Accepted => Status == 101;
}
