namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>One run's figures.</summary>
/// <param name="MessagesPerSecond">Frames from first send to last callback of the saturated phase, per second.</param>
/// <param name="CallbacksPerSecond">Subscriber callbacks of the saturated phase per second.</param>
/// <param name="BytesPerMessage">Bytes allocated by the whole process (server, socket and client) per frame of the
/// saturated phase.</param>
/// <param name="PacedP50">Median send-to-callback latency at the paced rate.</param>
/// <param name="PacedP99">99th percentile send-to-callback latency at the paced rate.</param>
/// <param name="SaturatedP99">99th percentile latency in the saturated phase (mostly time queued behind the window).</param>
internal sealed record RunResult(
    double MessagesPerSecond,
    double CallbacksPerSecond,
    double BytesPerMessage,
    TimeSpan PacedP50,
    TimeSpan PacedP99,
    TimeSpan SaturatedP99);
