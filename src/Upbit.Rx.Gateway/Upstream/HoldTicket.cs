using System.Reactive.Disposables;

namespace Upbit.Rx.Gateway.Upstream;

/// <summary>One downstream session's hold on its keys: the exact <see cref="Holding"/>s it shares, so a failure of one
/// holding reaches the sessions that hold it and not a later session that holds the same key afresh.</summary>
internal sealed class HoldTicket(IReadOnlyList<Holding> holdings, Action release) : IDisposable
{
    private readonly IDisposable _release = Disposable.Create(release);

    public bool Has(Holding holding) => holdings.Contains(holding);

    /// <summary>Releases every holding once; idempotent.</summary>
    public void Dispose() => _release.Dispose();
}
