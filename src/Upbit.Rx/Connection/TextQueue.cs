namespace Upbit.Rx.Connection;

/// <summary>
/// An unbounded queue of text frames with one asynchronous reader: what <see cref="WebSocketChannel"/> sends from. Writes
/// never wait; after <see cref="Complete"/> they are dropped, and the reader gets what was queued before, then the end.
/// Thread-safe for any number of writers and one reader at a time.
/// </summary>
/// <remarks>NB: written out instead of <c>System.Threading.Channels</c>, which a process would load (its assembly, a few
/// dozen generic types and their code) for a queue that carries one subscription request per union change.</remarks>
internal sealed class TextQueue
{
    private readonly Queue<string> _items = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiter;
    private bool _completed;

    /// <summary>Queues <paramref name="text"/>; <see langword="false"/> (and dropped) once the queue is completed.</summary>
    public bool TryWrite(string text)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(text);
            (wake, _waiter) = (_waiter, null);
        }

        wake?.TrySetResult();
        return true;
    }

    /// <summary>Takes no more writes; the reader ends once it has read what is queued. Idempotent.</summary>
    public void Complete()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _completed = true;
            (wake, _waiter) = (_waiter, null);
        }

        wake?.TrySetResult();
    }

    /// <summary>The next queued text, in write order, waiting for one if none is queued; <see langword="null"/> once the
    /// queue is completed and empty. One reader at a time.</summary>
    public async Task<string?> ReadAsync()
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_items.TryDequeue(out var text))
                {
                    return text;
                }

                if (_completed)
                {
                    return null;
                }

                // NB: the reader resumes on the thread pool, never inside a writer's Send.
                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.ConfigureAwait(false);
        }
    }
}
