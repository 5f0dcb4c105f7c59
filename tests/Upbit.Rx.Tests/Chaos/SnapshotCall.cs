using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>One snapshot call made during churn.</summary>
/// <param name="Id">Run-unique number.</param>
/// <param name="Api">Which call (for messages).</param>
/// <param name="Codes">The codes asked, in order.</param>
/// <param name="StartTicks">Virtual time of the call.</param>
/// <param name="Task">The call's task, typed down to messages.</param>
internal sealed record SnapshotCall(int Id, string Api, IReadOnlyList<string> Codes, long StartTicks, Task<IReadOnlyList<UpbitMessage>> Task)
{
    public bool Judged { get; set; }
}
