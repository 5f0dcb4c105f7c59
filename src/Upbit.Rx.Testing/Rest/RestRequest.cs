namespace Upbit.Rx.Testing.Rest;

/// <summary>A REST request as either host received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v1/ticker</c>.</param>
/// <param name="Query">The raw query string without its <c>?</c> (still URL-encoded).</param>
/// <param name="HasOrigin">Whether an <c>Origin</c> header came with it (Upbit limits those separately).</param>
/// <param name="Client">Who sent it, for the per-IP limits (the remote address; in memory one fixed client).</param>
internal sealed record RestRequest(string Method, string Path, string Query, bool HasOrigin, string Client)
{
    public string PathAndQuery => Query.Length == 0 ? Path : Path + "?" + Query;
}
