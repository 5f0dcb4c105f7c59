namespace Upbit.Rx.Connection;

/// <summary>Runs an action on the thread pool without allocating per start (the work item is the action's wrapper).</summary>
internal sealed class PoolWork(Action work) : IThreadPoolWorkItem
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Action, PoolWork> Items = [];

    /// <summary>Queues <paramref name="work"/>; the wrapper is made once per action and reused.</summary>
    public static void Start(Action work) => ThreadPool.UnsafeQueueUserWorkItem(Items.GetValue(work, static w => new PoolWork(w)), preferLocal: false);

    /// <inheritdoc/>
    public void Execute() => work();
}
