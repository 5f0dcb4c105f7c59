using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Chaos;

/// <summary>
/// How streams and snapshot calls ended. A stream may fail only with a permanent error the run injected and that
/// concerns it (<c>INVALID_AUTH</c>: private streams; <c>INVALID_PARAM</c>: streams of the type it names); it never
/// completes. A snapshot call ends by its timeout, and with exactly the codes asked unless a fault came near it.
/// </summary>
internal sealed class ErrorCheck(ChaosWorld world)
{
    private static readonly TimeSpan FaultReach = TimeSpan.FromSeconds(150);
    private readonly HashSet<int> _judged = [];

    public void Check()
    {
        foreach (var subscriber in world.Subscribers.Where(s => (s.Error is not null || s.Completed) && _judged.Add(s.Id)))
        {
            if (subscriber.Completed)
            {
                world.Log.Violation(ChaosInvariant.NoErrorForTransient, $"sub#{subscriber.Id} {subscriber.Stream} completed while the client was alive");
                continue;
            }

            if (!Permitted(subscriber))
            {
                world.Log.Violation(ChaosInvariant.NoErrorForTransient, $"sub#{subscriber.Id} {subscriber.Stream} failed at {ChaosLog.Format(subscriber.ErrorAt)} with {subscriber.Error!.GetType().Name}: {subscriber.Error.Message}");
            }
        }

        var timeout = world.ClientOptions.SnapshotTimeout.Ticks;
        foreach (var call in world.SnapshotCalls.Where(c => !c.Judged && world.Now >= c.StartTicks + timeout))
        {
            call.Judged = true;
            Judge(call, timeout);
        }
    }

    private bool Permitted(ChaosSubscriber subscriber)
    {
        if (subscriber.Error is not UpbitException error)
        {
            return false;
        }

        return world.Faults.Any(f => f.Ticks <= subscriber.ErrorAt && f.IsPrivate == subscriber.Stream.IsPrivate && (
            (f.Kind == FaultKind.InvalidAuth && error.ServerErrorName == "INVALID_AUTH") ||
            (f.Kind == FaultKind.InvalidParam && error.ServerErrorName == "INVALID_PARAM" && f.TypeName == subscriber.Stream.TypeName)));
    }

    private void Judge(SnapshotCall call, long timeout)
    {
        // NB: a snapshot call ends inside the advance (or Cancel) that ends it, so with virtual time past its timeout it
        // has ended: no real-time wait. Its exception is observed below.
        if (!call.Task.IsCompleted)
        {
            world.Log.Violation(world.Attribute(ChaosInvariant.SnapshotCalls), $"call#{call.Id} {call.Api} {string.Join(",", call.Codes)} made at {ChaosLog.Format(call.StartTicks)} had not ended by its timeout");
            return;
        }

        var nearFault = world.Faults.Any(f => !f.IsPrivate && f.Disrupts && f.Ticks >= call.StartTicks - FaultReach.Ticks && f.Ticks <= call.StartTicks + timeout);
        if (call.Task.IsFaulted)
        {
            world.Figures.SnapshotFailures++;
            var error = call.Task.Exception!.InnerException!;
            world.Log.Event($"call#{call.Id} failed: {error.GetType().Name}: {error.Message}");
            if (!nearFault)
            {
                world.Log.Violation(world.Attribute(ChaosInvariant.SnapshotCalls), $"call#{call.Id} {call.Api} {string.Join(",", call.Codes)} made at {ChaosLog.Format(call.StartTicks)} with no fault near failed: {error.GetType().Name}: {error.Message}");
            }

            return;
        }

        var codes = call.Result().Select(m => ((IMarketMessage)m).Code).ToList();
        if (!codes.SequenceEqual(call.Codes))
        {
            world.Log.Violation(world.Attribute(ChaosInvariant.SnapshotCalls), $"call#{call.Id} {call.Api} asked [{string.Join(",", call.Codes)}] but got [{string.Join(",", codes)}]");
        }
    }
}
