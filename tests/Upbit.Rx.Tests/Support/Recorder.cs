namespace Upbit.Rx.Tests.Support;

/// <summary>An observer that records what it sees, optionally running an action per value (which may throw).</summary>
internal sealed class Recorder<T>(Action<T>? onNext = null) : IObserver<T>
{
    public List<T> Values { get; } = [];

    public Exception? Error { get; private set; }

    public bool Completed { get; private set; }

    public IDisposable Subscription { get; set; } = System.Reactive.Disposables.Disposable.Empty;

    public void OnNext(T value)
    {
        onNext?.Invoke(value);
        Values.Add(value);
    }

    public void OnError(Exception error) => Error = error;

    public void OnCompleted() => Completed = true;
}
