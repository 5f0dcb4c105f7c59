using Upbit.Rx.Streams;

namespace Upbit.Rx.Gateway.Upstream;

/// <summary>One held upstream key: how many session holds share it, its client subscription and its latest value.
/// Mutated only under the source's lock.</summary>
internal sealed class Holding(UpstreamKey key)
{
    public UpstreamKey Key { get; } = key;

    public int Count { get; set; } = 1;

    public IDisposable Subscription { get; set; } = System.Reactive.Disposables.Disposable.Empty;

    public UpbitMessage? Latest { get; set; }
}
