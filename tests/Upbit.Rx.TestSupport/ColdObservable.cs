using System.Reactive;
using System.Reactive.Disposables;

namespace Microsoft.Reactive.Testing;

/// <summary>Plays its messages to each subscriber separately, at times relative to that subscription.</summary>
internal sealed class ColdObservable<T> : ITestableObservable<T>
{
    private readonly TestScheduler _scheduler;
    private readonly List<Subscription> _subscriptions = [];
    private readonly Recorded<Notification<T>>[] _messages;

    public ColdObservable(TestScheduler scheduler, Recorded<Notification<T>>[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _scheduler = scheduler;
        _messages = messages;
    }

    public IList<Subscription> Subscriptions => _subscriptions;

    public IList<Recorded<Notification<T>>> Messages => _messages;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _subscriptions.Add(new Subscription(_scheduler.Clock));
        var index = _subscriptions.Count - 1;
        var scheduled = new CompositeDisposable();
        foreach (var message in _messages)
        {
            scheduled.Add(_scheduler.ScheduleRelative(message.Value, message.Time, (_, n) =>
            {
                n.Accept(observer);
                return Disposable.Empty;
            }));
        }

        return Disposable.Create(() =>
        {
            _subscriptions[index] = new Subscription(_subscriptions[index].Subscribe, _scheduler.Clock);
            scheduled.Dispose();
        });
    }
}
