using System.Collections.Immutable;
using System.Diagnostics;

namespace Upbit.Rx.Subscriptions;

/// <summary>
/// The global, ref-counted set of wire subscriptions. A key stays in the union while at least one
/// holder has it; <see cref="Changed"/> tells the connections to send the new union.
/// </summary>
/// <remarks>
/// Thread-safe: one gate guards the counts. NB: listeners are called outside the gate, so they may read
/// <see cref="Union"/> under their own locks without lock-order inversion.
/// </remarks>
internal sealed class SubscriptionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StreamKey, int> _counts = [];
    private ImmutableArray<StreamKey> _union = [];

    /// <summary>Raised after the union changed, with whether the change touched private keys and public keys.</summary>
    public event Action<bool, bool>? Changed;

    /// <summary>The keys held right now (a consistent snapshot).</summary>
    public ImmutableArray<StreamKey> Union
    {
        get
        {
            lock (_gate)
            {
                return _union;
            }
        }
    }

    /// <summary>Adds one holder to each key; disposing the result removes them again (idempotent).</summary>
    public IDisposable Acquire(IReadOnlyCollection<StreamKey> keys)
    {
        var added = false;
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _counts.TryGetValue(key, out var count);
                _counts[key] = count + 1;
                added |= count == 0;
            }

            if (added)
            {
                _union = [.. _counts.Keys];
            }
        }

        if (added)
        {
            Raise(keys);
        }

        return new Lease(this, keys);
    }

    /// <summary>The live ref count of a key (0 when absent); for diagnostics and tests.</summary>
    public int CountOf(StreamKey key)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(key);
        }
    }

    private void Release(IReadOnlyCollection<StreamKey> keys)
    {
        var removed = false;
        lock (_gate)
        {
            foreach (var key in keys)
            {
                var count = _counts[key];
                Debug.Assert(count > 0, "A lease releases only what it acquired.");
                if (count == 1)
                {
                    _counts.Remove(key);
                    removed = true;
                }
                else
                {
                    _counts[key] = count - 1;
                }
            }

            if (removed)
            {
                _union = [.. _counts.Keys];
            }
        }

        if (removed)
        {
            Raise(keys);
        }
    }

    private void Raise(IReadOnlyCollection<StreamKey> keys)
    {
        var isPrivate = false;
        var isPublic = false;
        foreach (var key in keys)
        {
            isPrivate |= key.IsPrivate;
            isPublic |= !key.IsPrivate;
        }

        Changed?.Invoke(isPrivate, isPublic);
    }

    private sealed class Lease(SubscriptionRegistry owner, IReadOnlyCollection<StreamKey> keys) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(keys);
            }
        }
    }
}
