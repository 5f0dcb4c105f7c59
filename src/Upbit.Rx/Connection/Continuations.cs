namespace Upbit.Rx.Connection;

/// <summary>
/// Where the continuations of a snapshot call run: the library's own inline, on the thread whose event ended the wait
/// (the receive loop, a scheduler action, a <c>Cancel</c> call), and the caller's never there.
/// </summary>
/// <remarks>
/// NB: under a TestScheduler the event that ends a wait runs on the thread advancing the clock, so the library's part
/// (releasing the wait, arming the linger, going idle) happens at that virtual instant, and the task the caller holds is
/// complete when the advance returns. The caller's continuations are queued instead: run inline they would run on a
/// real client's receive loop, where code that blocks on another snapshot call would wait for a frame only that loop
/// can deliver.
/// </remarks>
internal static class Continuations
{
    /// <summary>
    /// Runs <paramref name="complete"/> (which completes library tasks) with no synchronization context current, so the
    /// continuations that did not capture one (the library's own, all <c>ConfigureAwait(false)</c>) run inline.
    /// </summary>
    /// <remarks>NB: .NET will not inline such a continuation under a custom context (a test runner's, a UI's, the client's
    /// own scheduler context) and queues it to the thread pool instead. Callers hold no lock: what runs inline takes
    /// the library's gates.</remarks>
    /// <remarks>NB: .NET will not inline such a continuation under a custom context (a test runner's, a UI's, the
    /// client's own scheduler context) and queues it to the thread pool instead; that made paced REST requests and
    /// market-list waiters run late after an advance. Callers hold no lock: what runs inline takes the library's gates.</remarks>
    public static void Inline(Action complete) => Inline(static c => c(), complete);

    /// <summary>As <see cref="Inline(Action)"/>, with a state for a static <paramref name="complete"/>.</summary>
    public static void Inline<TState>(Action<TState> complete, TState state)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            complete(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>
    /// The task to hand a caller for <paramref name="task"/>: it ends as <paramref name="task"/> ends, at the same moment
    /// and on the same thread, but runs its continuations asynchronously (on the thread pool, or posted to the context an
    /// <c>await</c> captured). A task already complete is handed as it is: an <c>await</c> of it goes on synchronously
    /// on the caller's own thread.
    /// </summary>
    public static Task<T> Queued<T>(Task<T> task)
    {
        if (task.IsCompleted)
        {
            return task;
        }

        var handed = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = task.ContinueWith(
            static (ended, state) => ((TaskCompletionSource<T>)state!).TrySetFromTask(ended),
            handed,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return handed.Task;
    }
}
