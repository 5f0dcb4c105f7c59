namespace Upbit.Rx.Tests.Support;

/// <summary>
/// A synchronization context that keeps what is posted to it and never runs it, like a UI thread busy elsewhere: code
/// that captures the test thread's context instead of resuming on the client's scheduler stalls visibly under it.
/// </summary>
internal sealed class ParkedSynchronizationContext : SynchronizationContext
{
    private int _posted;

    /// <summary>Callbacks posted so far (none of them ran).</summary>
    public int Posted => Volatile.Read(ref _posted);

    public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posted);

    public override void Send(SendOrPostCallback d, object? state) => throw new InvalidOperationException("The parked context runs nothing.");

    public override SynchronizationContext CreateCopy() => this;
}
