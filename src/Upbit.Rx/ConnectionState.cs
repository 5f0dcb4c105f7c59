namespace Upbit.Rx;

/// <summary>One state change of a connection, as <see cref="UpbitClient.ConnectionStates"/> reports it.</summary>
/// <param name="Endpoint">Which connection: <c>public</c> or <c>private</c>.</param>
/// <param name="Status">The new status.</param>
/// <param name="Attempt">For <see cref="ConnectionStatus.Reconnecting"/> and the <see cref="ConnectionStatus.Connecting"/> that follows it: the attempt number, from 1; otherwise 0.</param>
/// <param name="Delay">For <see cref="ConnectionStatus.Reconnecting"/>: how long until the attempt.</param>
/// <param name="Reason">Why the state changed, when there is something to say (never contains secrets).</param>
public sealed record ConnectionState(string Endpoint, ConnectionStatus Status, int Attempt = 0, TimeSpan Delay = default, string? Reason = null)
{
    /// <summary>
    /// Whether tickers, order books and candles of this endpoint are fed by REST polling because the socket has been down
    /// longer than <see cref="UpbitClientOptions.FallbackAfter"/>; values so delivered have <see cref="Streams.StreamType.Rest"/>.
    /// Set on every state from the moment polling starts until the socket is back (or the endpoint goes idle).
    /// </summary>
    public bool IsRestFallback { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = Status == ConnectionStatus.Reconnecting
            ? $"{Endpoint}: Reconnecting (attempt {Attempt} in {Delay.TotalMilliseconds:0} ms)"
            : Attempt > 0 ? $"{Endpoint}: {Status} (attempt {Attempt})" : $"{Endpoint}: {Status}";
        text = IsRestFallback ? text + " [REST fallback]" : text;
        return Reason is null ? text : $"{text}: {Reason}";
    }
}
