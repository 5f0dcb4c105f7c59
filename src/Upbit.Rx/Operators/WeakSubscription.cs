using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Upbit.Rx.Operators;

/// <summary>
/// One <c>SubscribeWeakly</c> subscription: an observer that reaches its owner only through a weak reference and
/// disposes itself (and so the source subscription) once the owner is gone, noticed on a value or by the sweep.
/// </summary>
/// <remarks>
/// NB: nothing here may reference the owner strongly: the source holds this observer, and the scheduler holds the sweep,
/// for as long as they live. The owner is a local only while a handler runs.
/// </remarks>
internal sealed class WeakSubscription<T, TOwner> : IObserver<T>, IDisposable
    where TOwner : class
{
    private readonly WeakReference<TOwner> _owner;
    private readonly Action<TOwner, T> _onNext;
    private readonly Action<TOwner, Exception>? _onError;
    private readonly SingleAssignmentDisposable _upstream = new();
    private readonly SingleAssignmentDisposable _sweep = new();

    public WeakSubscription(TOwner owner, Action<TOwner, T> onNext, Action<TOwner, Exception>? onError)
    {
        _owner = new WeakReference<TOwner>(owner);
        _onNext = onNext;
        _onError = onError;
    }

    public IDisposable Run(IObservable<T> source, IScheduler scheduler, TimeSpan sweepInterval)
    {
        _sweep.Disposable = scheduler.Schedule(sweepInterval, again =>
        {
            if (_owner.TryGetTarget(out _))
            {
                again(sweepInterval);
            }
            else
            {
                Dispose();
            }
        });
        _upstream.Disposable = source.Subscribe(this);
        return this;
    }

    public void OnNext(T value)
    {
        if (_upstream.IsDisposed)
        {
            return;
        }

        if (!_owner.TryGetTarget(out var owner))
        {
            Dispose();
            return;
        }

        _onNext(owner, value);
    }

    public void OnError(Exception error)
    {
        if (_upstream.IsDisposed)
        {
            return;
        }

        var alive = _owner.TryGetTarget(out var owner);
        Dispose();
        if (!alive)
        {
            return;
        }

        if (_onError is null)
        {
            // NB: as Rx's Subscribe(onNext) without onError: an unobserved error is thrown, not swallowed.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        _onError(owner!, error);
    }

    public void OnCompleted() => Dispose();

    public void Dispose()
    {
        _sweep.Dispose();
        _upstream.Dispose();
    }
}
