using System.Reactive.Concurrency;

namespace Upbit.Rx.Operators;

/// <summary>
/// Rx operators for slow consumers and recovery, usable on any stream of this library (or any other
/// <see cref="IObservable{T}"/>). Every time-based member takes an <see cref="IScheduler"/>; the overloads without
/// one use <see cref="DefaultScheduler"/>. All are cold: each subscription subscribes to the source once and owns
/// its own state. Disposing a subscription disposes the source subscription and any pending timer.
/// </summary>
/// <remarks>
/// Marble diagrams in these docs use one character per tick of virtual time; <c>a1</c> is value 1 of code a,
/// <c>|</c> completion and <c>#</c> an error.
/// </remarks>
public static partial class UpbitObservable
{
    private static IScheduler DefaultScheduler => System.Reactive.Concurrency.DefaultScheduler.Instance;
}
