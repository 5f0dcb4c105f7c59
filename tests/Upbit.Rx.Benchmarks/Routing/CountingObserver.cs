using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks.Routing;

/// <summary>The cheapest possible subscriber: counts what it receives, so both routes do the same user work.</summary>
internal sealed class CountingObserver : IObserver<Ticker>
{
    public long Count { get; private set; }

    public void OnNext(Ticker value) => Count++;

    public void OnError(Exception error) => throw new InvalidOperationException("A benchmark stream failed.", error);

    public void OnCompleted()
    {
    }
}
