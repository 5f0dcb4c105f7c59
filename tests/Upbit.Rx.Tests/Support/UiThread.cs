using System.Collections.Concurrent;

namespace Upbit.Rx.Tests.Support;

/// <summary>
/// A single-threaded <see cref="SynchronizationContext"/> with its own message pump, as a UI framework installs on its
/// UI thread: <see cref="Post"/> queues work in order and one dedicated thread runs it. <see cref="Send"/> is refused from
/// other threads, so a library that makes a producer wait for the UI is caught rather than hidden.
/// </summary>
internal sealed class UiThread : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
    private readonly Thread _thread;

    public UiThread()
    {
        _thread = new Thread(Pump) { IsBackground = true, Name = "test UI thread" };
        _thread.Start();
    }

    /// <summary>Whether the calling thread is the UI thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == _thread;

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!IsCurrent)
        {
            throw new InvalidOperationException("Send from another thread would make it wait for the UI thread.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> on the UI thread after everything posted before it; the task ends when it has run.</summary>
    public Task Run(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(
            _ =>
            {
                try
                {
                    action();
                    done.SetResult();
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            },
            null);
        return done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Pump()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}
