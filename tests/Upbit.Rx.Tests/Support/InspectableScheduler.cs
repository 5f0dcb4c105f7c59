using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Support;

/// <summary>A <see cref="TestScheduler"/> that can tell whether any work is still scheduled (cancelled work does not count).</summary>
internal sealed class InspectableScheduler : TestScheduler
{
    /// <summary>Whether a scheduled item that was not cancelled is waiting to run.</summary>
    public bool HasPendingWork => GetNext() is not null;
}
