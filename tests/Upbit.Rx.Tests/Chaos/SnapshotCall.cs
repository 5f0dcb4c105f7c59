using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>One snapshot call made during churn.</summary>
/// <param name="Id">Run-unique number.</param>
/// <param name="Api">Which call (for messages).</param>
/// <param name="Codes">The codes asked, in order.</param>
/// <param name="StartTicks">Virtual time of the call.</param>
/// <param name="Task">The task the call returned, itself: it ends inside the advance that ends the call, where a
/// continuation of it would run later, on the thread pool.</param>
/// <param name="Result">Reads the ended task's result, typed down to messages.</param>
internal sealed record SnapshotCall(int Id, string Api, IReadOnlyList<string> Codes, long StartTicks, Task Task, Func<IReadOnlyList<UpbitMessage>> Result)
{
    public bool Judged { get; set; }
}
