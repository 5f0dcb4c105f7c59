using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>
/// The route keys of the last request sent on a connection, and how many of them have delivered data on it since.
/// Never changed once published except for that count and <see cref="Retire"/>: a new request (or a new connection)
/// publishes a new one.
/// </summary>
/// <remarks>
/// NB: the count lets the receive loop stop looking each message's key up in the confirmed set once every key of the
/// request has delivered (about 1.5% of a ticker's receive path, measured with perf at 150,000 msgs/s). It counts only
/// keys this instance saw confirmed, plus those already confirmed when it was made, so it can fall short of the truth
/// (then the receive loop keeps looking up, as before) but never run ahead of it. That holds only while no key this
/// instance counted leaves the confirmed set: the planner forgets keys before it publishes the next request, and a
/// trailing frame confirming a forgotten key again in between would count it twice and stand in for a key that never
/// delivered. So whoever forgets a key retires the current instance first (<see cref="Retire"/>), and a retired
/// instance never reports <see cref="AllConfirmed"/> again.
/// </remarks>
internal sealed class OnWire(HashSet<StreamKey> keys, int confirmed)
{
    private int _confirmed = confirmed;
    private volatile bool _allConfirmed = keys.Count > 0 && confirmed >= keys.Count;
    private volatile bool _retired;

    /// <summary>Nothing on the wire.</summary>
    public static OnWire None { get; } = new([], 0);

    /// <summary>The route keys of the request.</summary>
    /// <remarks>NB: a plain <see cref="HashSet{T}"/>, not a FrozenSet: freezing a set of a value type instantiates a dozen
    /// specialised set types and their builders for one lookup per key per connection, about 0.1 MB of runtime type data and
    /// code in every process.</remarks>
    public HashSet<StreamKey> Keys => keys;

    /// <summary>Whether every key of the request has delivered data on the connection (never once retired).</summary>
    /// <remarks>NB: <c>_retired</c> is read after <c>_allConfirmed</c> and on its own: a <see cref="Confirmed"/> racing
    /// <see cref="Retire"/> may still set <c>_allConfirmed</c>, and must not undo the retirement.</remarks>
    public bool AllConfirmed => _allConfirmed && !_retired;

    /// <summary>Counts one more key of this request confirmed (once per key: the caller added it to the confirmed set).</summary>
    public void Confirmed()
    {
        if (Interlocked.Increment(ref _confirmed) >= keys.Count)
        {
            _allConfirmed = true;
        }
    }

    /// <summary>
    /// Stops trusting the count: from now on <see cref="AllConfirmed"/> is <see langword="false"/>, so the receive loop
    /// looks every key up until the next request is published. Call before a key leaves the confirmed set.
    /// </summary>
    public void Retire() => _retired = true;
}
