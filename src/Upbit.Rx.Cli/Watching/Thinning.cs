using System.Reactive.Concurrency;

namespace Upbit.Rx.Cli.Watching;

/// <summary>How a live screen thins its stream: <see cref="Count"/> sees every message first (for the rate), then
/// <c>ThrottleByCode</c> runs on <see cref="Scheduler"/>.</summary>
internal sealed record Thinning(Action Count, IScheduler Scheduler);
