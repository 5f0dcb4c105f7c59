using System.Reactive;

namespace Microsoft.Reactive.Testing;

/// <summary>Records each notification with the scheduler's clock at the moment it arrives.</summary>
internal sealed class MockObserver<T>(TestScheduler scheduler) : ITestableObserver<T>
{
    private readonly List<Recorded<Notification<T>>> _messages = [];

    public IList<Recorded<Notification<T>>> Messages => _messages;

    public void OnNext(T value) => _messages.Add(new Recorded<Notification<T>>(scheduler.Clock, Notification.CreateOnNext(value)));

    public void OnError(Exception error) => _messages.Add(new Recorded<Notification<T>>(scheduler.Clock, Notification.CreateOnError<T>(error)));

    public void OnCompleted() => _messages.Add(new Recorded<Notification<T>>(scheduler.Clock, Notification.CreateOnCompleted<T>()));
}
