using System.Reactive.Concurrency;

namespace Upbit.Rx.Operators;

/// <summary>
/// Rx operators for slow consumers and recovery, usable on any stream of this library (or any other
/// <see cref="IObservable{T}"/>). Every time-based member takes an <see cref="IScheduler"/>; the overloads without
/// one use <see cref="DefaultScheduler"/> (the thread pool). All are cold: each subscription subscribes to the
/// source once and owns its own state. Disposing a subscription disposes the source subscription and any pending
/// timer.
/// </summary>
/// <remarks>
/// Marble diagrams in these docs use one column per tick of virtual time; <c>a1</c> is value 1 of code a,
/// <c>·</c> or <c>-</c> a tick with nothing, <c>|</c> completion, <c>#</c> an error, <c>(…)</c> several at one tick.
/// </remarks>
public static partial class UpbitObservable
{
    private static IScheduler DefaultDelivery => DefaultScheduler.Instance;
}
