namespace Upbit.Rx.Streams;

/// <summary>The keep-alive status <c>{"status":"UP"}</c>, sent every 10 s after the client's text <c>PING</c>.</summary>
public sealed record ServerStatus : UpbitMessage
{
    /// <summary>The status text as sent (<c>UP</c>).</summary>
    public required string Status { get; init; }
}
