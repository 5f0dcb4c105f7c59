using System.Reactive;
using System.Reactive.Disposables;

namespace Microsoft.Reactive.Testing;

/// <summary>
/// Plays its messages at their absolute virtual times whether or not anyone listens; subscribers see
/// only what is played while they are subscribed.
/// </summary>
internal sealed class HotObservable<T> : ITestableObservable<T>
{
    private readonly TestScheduler _scheduler;
    private readonly List<IObserver<T>> _observers = [];
    private readonly List<Subscription> _subscriptions = [];
    private readonly Recorded<Notification<T>>[] _messages;

    public HotObservable(TestScheduler scheduler, Recorded<Notification<T>>[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _scheduler = scheduler;
        _messages = messages;
        foreach (var message in messages)
        {
            var notification = message.Value;
            scheduler.ScheduleAbsolute(notification, message.Time, (_, n) =>
            {
                // NB: snapshot so an observer that unsubscribes (or subscribes) during delivery cannot break the loop.
                foreach (var observer in _observers.ToArray())
                {
                    n.Accept(observer);
                }

                return Disposable.Empty;
            });
        }
    }

    public IList<Subscription> Subscriptions => _subscriptions;

    public IList<Recorded<Notification<T>>> Messages => _messages;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
        _subscriptions.Add(new Subscription(_scheduler.Clock));
        var index = _subscriptions.Count - 1;
        return Disposable.Create(() =>
        {
            _observers.Remove(observer);
            _subscriptions[index] = new Subscription(_subscriptions[index].Subscribe, _scheduler.Clock);
        });
    }
}
