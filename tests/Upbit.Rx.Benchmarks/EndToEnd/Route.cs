namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>How a run's frames reach its subscribers.</summary>
internal enum Route
{
    /// <summary><c>UpbitClient.Ticker(codes)</c> per subscriber: decode, then our dictionary router.</summary>
    Router,

    /// <summary>The naive client: one <c>UpbitClient.Ticker(all 200)</c>, published as a hot stream, and one
    /// <c>Where(t =&gt; t.Code == mine)</c> per subscriber (unfiltered for a single subscriber of every code).</summary>
    WherePerSubscriber,

    /// <summary>The floor: a bare <c>ClientWebSocket</c> that receives each frame and neither decodes nor routes it.</summary>
    RawSocket,
}
