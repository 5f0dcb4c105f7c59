using System.Collections.Immutable;
using Upbit.Rx.Connection;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// Everything the router knows about one route key: its subscribers, its latest value, its duplicate
/// filter and the snapshot calls waiting on it.
/// </summary>
/// <remarks>NB: subscribers are called outside the gate, so a slow or re-entrant one cannot block attaches.</remarks>
internal sealed class KeyFeed(StreamKey key, Action<KeyFeed> retire)
{
    private readonly Lock _gate = new();
    private readonly Duplicates _duplicates = Duplicates.For(key.Kind);
    private ImmutableArray<IFeedSink> _sinks = [];
    private List<TaskCompletionSource<UpbitMessage>>? _waiters;
    private UpbitMessage? _latest;
    private bool _retired;
    private DateTimeOffset? _lastPublished;

    public StreamKey Key => key;

    /// <summary>The latest value published, if any.</summary>
    public UpbitMessage? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>When the last message was published (the client's scheduler clock), if any.</summary>
    public DateTimeOffset? LastPublished
    {
        get
        {
            lock (_gate)
            {
                return _lastPublished;
            }
        }
    }

    /// <summary>
    /// Publishes a message; returns <see langword="false"/> when it was a duplicate and was dropped. Snapshot calls
    /// waiting on the key are answered first, duplicate or not: a quiet code's snapshot restates the latest value,
    /// and that is exactly the answer the caller waits for.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="now">When it was received, on the client's scheduler clock (the router reads it once per frame).</param>
    public bool Publish(UpbitMessage message, DateTimeOffset now)
    {
        var sinks = ImmutableArray<IFeedSink>.Empty;
        List<TaskCompletionSource<UpbitMessage>>? waiters;
        bool duplicate;
        lock (_gate)
        {
            waiters = _waiters;
            _waiters = null;
            duplicate = _duplicates.IsDuplicate(_latest, message);
            if (!duplicate)
            {
                _latest = message;
                _lastPublished = now;
                sinks = _sinks;
            }
        }

        if (waiters is not null)
        {
            Continuations.Inline(
                static s =>
                {
                    foreach (var waiter in s.Waiters)
                    {
                        waiter.TrySetResult(s.Message);
                    }
                },
                (Waiters: waiters, Message: message));
            RetireIfUnused();
        }

        foreach (var sink in sinks)
        {
            sink.OnLive(message);
        }

        return !duplicate;
    }

    /// <summary>Adds a subscriber and hands it the latest value; fails when the feed was retired meanwhile.</summary>
    public bool TryAttach(IFeedSink sink)
    {
        UpbitMessage? latest;
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _sinks = _sinks.Add(sink);
            latest = _latest;
        }

        if (latest is not null)
        {
            sink.OnCached(latest);
        }

        return true;
    }

    public void Detach(IFeedSink sink)
    {
        lock (_gate)
        {
            _sinks = _sinks.Remove(sink);
        }

        RetireIfUnused();
    }

    /// <summary>
    /// Waits for the next value published (used by snapshot calls); fails when the feed was retired. The task ends on
    /// the thread that publishes (or fails) the key, outside the gate, and runs the snapshot call's own continuations
    /// inline there (<see cref="Continuations"/>); the call hands its caller a task whose continuations are queued.
    /// </summary>
    public bool TryWaitNext(out Task<UpbitMessage> next)
    {
        var waiter = new TaskCompletionSource<UpbitMessage>();
        next = waiter.Task;
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            (_waiters ??= []).Add(waiter);
            return true;
        }
    }

    /// <summary>Stops waiting for a snapshot (timeout or cancellation).</summary>
    public void CancelWait(Task<UpbitMessage> next)
    {
        lock (_gate)
        {
            _waiters?.RemoveAll(w => w.Task == next);
        }

        RetireIfUnused();
    }

    /// <summary>Fails every subscriber and waiter: the stream can never succeed.</summary>
    public void Fail(Exception error)
    {
        ImmutableArray<IFeedSink> sinks;
        List<TaskCompletionSource<UpbitMessage>>? waiters;
        lock (_gate)
        {
            sinks = _sinks;
            waiters = _waiters;
            _waiters = null;
        }

        FailAll(waiters, error);
        foreach (var sink in sinks)
        {
            sink.OnFailed(error);
        }

        // NB: the failed waiters will never cancel their waits, so a feed left with nobody must go now or it leaks.
        RetireIfUnused();
    }

    /// <summary>Ends every subscriber and fails every waiter: the client is going away.</summary>
    public void Complete(Exception waiterError)
    {
        ImmutableArray<IFeedSink> sinks;
        List<TaskCompletionSource<UpbitMessage>>? waiters;
        lock (_gate)
        {
            sinks = _sinks;
            waiters = _waiters;
            _waiters = null;
            _sinks = [];
            _retired = true;
        }

        retire(this);
        FailAll(waiters, waiterError);
        foreach (var sink in sinks)
        {
            sink.OnEnded();
        }
    }

    private static void FailAll(List<TaskCompletionSource<UpbitMessage>>? waiters, Exception error)
    {
        if (waiters is not null)
        {
            Continuations.Inline(
                static s =>
                {
                    foreach (var waiter in s.Waiters)
                    {
                        waiter.TrySetException(s.Error);
                    }
                },
                (Waiters: waiters, Error: error));
        }
    }

    private void RetireIfUnused()
    {
        lock (_gate)
        {
            if (_retired || !_sinks.IsEmpty || _waiters is { Count: > 0 })
            {
                return;
            }

            _retired = true;
        }

        retire(this);
    }
}
