using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Operators;

/// <summary>
/// One subscription of <c>UpbitObservable.RetryWithBackoff</c>: resubscribes to the source after each error
/// <see cref="RetryOptions.ShouldHandle"/> accepts, waiting the delay <see cref="Backoff.Delay"/> gives for the
/// current attempt, and tells <see cref="RetryOptions.OnRetry"/> first. The sink holds no lock, so both callbacks
/// run lock-free on the thread that delivered the error.
/// </summary>
/// <remarks>
/// NB: resubscription trampolines, as Rx's <c>Retry</c> does. On a synchronous scheduler a zero wait runs the
/// resubscribe inside <see cref="OnError"/>, which a source that fails inside <c>Subscribe</c> calls from inside the
/// previous resubscribe; that nested request only bumps a counter, and the outermost call loops, so
/// the stack stays flat however many times the source fails synchronously.
/// </remarks>
internal sealed class RetryWithBackoffSink<T> : IObserver<T>, IDisposable
{
    private readonly IObservable<T> _source;
    private readonly IObserver<T> _observer;
    private readonly BackoffOptions _options;
    private readonly IScheduler _scheduler;
    private readonly Func<Exception, bool> _shouldRetry;
    private readonly Action<RetryAttempt>? _onRetry;
    private readonly Random _random;
    private readonly SerialDisposable _current = new();

    // NB: retries since the last value; written on the source's thread or in the scheduled resubscribe, which
    // never overlap (the resubscribe is scheduled only after the previous subscription has ended).
    private int _attempt;

    // NB: resubscribe requests not yet served; the call that raises it from 0 to 1 serves them all in a loop.
    private int _resubscribes;

    public RetryWithBackoffSink(
        IObservable<T> source, IObserver<T> observer, RetryOptions options, IScheduler scheduler, Random random)
    {
        _source = source;
        _observer = observer;
        _options = options.Backoff;
        _scheduler = scheduler;
        _shouldRetry = options.ShouldHandle;
        _onRetry = options.OnRetry;
        _random = random;
    }

    public IDisposable Run()
    {
        Resubscribe();
        return this;
    }

    public void OnNext(T value)
    {
        _attempt = 0;
        _observer.OnNext(value);
    }

    public void OnError(Exception error)
    {
        bool retryable;
        try
        {
            retryable = _shouldRetry(error);
        }
#pragma warning disable CA1031 // NB: a throwing predicate ends the sequence with its own exception, as Rx does for user callbacks.
        catch (Exception predicateError)
#pragma warning restore CA1031
        {
            _observer.OnError(predicateError);
            return;
        }

        var attempt = _attempt + 1;
        if (!retryable || !Backoff.ShouldRetry(_options, attempt))
        {
            _observer.OnError(error);
            return;
        }

        _attempt = attempt;
        var delay = Backoff.Delay(_options, attempt, _random);
        if (_onRetry is { } onRetry)
        {
            try
            {
                onRetry(new RetryAttempt(attempt, delay, error));
            }
#pragma warning disable CA1031 // NB: a throwing OnRetry must neither vanish nor leave the loop hanging: it ends the sequence, keeping both errors.
            catch (Exception callbackError)
#pragma warning restore CA1031
            {
                _observer.OnError(new AggregateException("RetryOptions.OnRetry threw; the retry it announced was not made.", callbackError, error));
                return;
            }
        }

        // NB: the wait gets its own holder, placed before it is scheduled: a resubscribe that runs at once (a
        // synchronous scheduler or a fast thread) replaces the holder with the new subscription, and the scheduler's
        // late handle then lands in the replaced holder instead of overwriting (and disposing) that subscription.
        var wait = new SingleAssignmentDisposable();
        _current.Disposable = wait;
        wait.Disposable = _scheduler.Schedule(delay, Resubscribe);
    }

    public void OnCompleted() => _observer.OnCompleted();

    public void Dispose() => _current.Dispose();

    private void Resubscribe()
    {
        if (Interlocked.Increment(ref _resubscribes) != 1)
        {
            return;
        }

        do
        {
            if (_current.IsDisposed)
            {
                return;
            }

            SubscribeToSource();
        }
        while (Interlocked.Decrement(ref _resubscribes) != 0);
    }

    private void SubscribeToSource()
    {
        // NB: a fresh holder per subscription, so a source that fails synchronously inside Subscribe (and so
        // schedules the next retry before Subscribe returns) cannot have that retry overwritten.
        var subscription = new SingleAssignmentDisposable();
        _current.Disposable = subscription;
        subscription.Disposable = _source.SubscribeSafe(this);
    }
}
