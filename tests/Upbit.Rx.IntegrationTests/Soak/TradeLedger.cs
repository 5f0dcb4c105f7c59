using Upbit.Rx.Streams;

namespace Upbit.Rx.IntegrationTests.Soak;

/// <summary>
/// The exchange's own trade log beside what the client delivered, per code, as <c>sequential_id</c>s only (so the
/// ledger itself stays small next to the heap it helps to measure). Thread-safe: one gate.
/// </summary>
internal sealed class TradeLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _produced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<long, int>> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _delivered = new(StringComparer.Ordinal);
    private long _fromRest;
    private Dictionary<string, long>? _awaited;
    private TaskCompletionSource? _drained;

    public TradeLedger(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            _produced.Add(code, []);
            _positions.Add(code, []);
            _delivered.Add(code, []);
        }
    }

    /// <summary>A trade the exchange made (from its market's hot feed, or the latest trade read at the start); repeats are ignored.</summary>
    public void Produced(Trade trade)
    {
        lock (_gate)
        {
            if (_positions.TryGetValue(trade.Code, out var positions) && positions.TryAdd(trade.SequentialId, positions.Count))
            {
                _produced[trade.Code].Add(trade.SequentialId);
            }
        }
    }

    /// <summary>A trade the client's subscriber received.</summary>
    public void Delivered(Trade trade)
    {
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            _delivered[trade.Code].Add(trade.SequentialId);
            if (trade.BestAskPrice is null)
            {
                _fromRest++;
            }
            if (_awaited is { } awaited && awaited.TryGetValue(trade.Code, out var id) && id == trade.SequentialId)
            {
                awaited.Remove(trade.Code);
                if (awaited.Count == 0)
                {
                    done = _drained;
                }
            }
        }

        done?.TrySetResult();
    }

    /// <summary>
    /// Ends the comparison window at each code's latest produced trade, and returns a task that completes once the client has
    /// delivered every one of those trades (a trade it never delivers keeps the task pending: the caller bounds the wait).
    /// </summary>
    public (IReadOnlyDictionary<string, long> Cut, Task Drained) Cut()
    {
        lock (_gate)
        {
            var cut = _produced.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
            _awaited = cut.Where(c => !_delivered[c.Key].Contains(c.Value)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_awaited.Count == 0)
            {
                _drained.TrySetResult();
            }

            return (cut, _drained.Task);
        }
    }

    /// <summary>
    /// Compares, per code, the exchange's log from the first trade the client delivered (its snapshot) to the cut with what
    /// the client delivered: trades in that window never delivered (missed), delivered more than once (duplicated),
    /// delivered after a later one (out of order), and delivered trades the log never had (unknown).
    /// </summary>
    public LedgerCounts Compare(IReadOnlyDictionary<string, long> cut)
    {
        var counts = new LedgerCounts();
        lock (_gate)
        {
            counts.FromRest = _fromRest;
            foreach (var (code, delivered) in _delivered)
            {
                var positions = _positions[code];
                if (!cut.TryGetValue(code, out var lastId) || delivered.Count == 0)
                {
                    continue;
                }

                var end = positions[lastId];
                var start = positions.TryGetValue(delivered[0], out var first) ? first : 0;
                var seen = new HashSet<long>();
                var highest = -1;
                foreach (var id in delivered)
                {
                    counts.Delivered++;
                    if (!seen.Add(id))
                    {
                        counts.Duplicated++;
                    }

                    if (!positions.TryGetValue(id, out var at))
                    {
                        counts.Unknown++;
                        continue;
                    }

                    if (at < highest)
                    {
                        counts.OutOfOrder++;
                    }

                    highest = Math.Max(highest, at);
                }

                var window = _produced[code].GetRange(start, end - start + 1);
                counts.Produced += window.Count;
                var missed = window.Where(id => !seen.Contains(id)).ToList();
                counts.Missed += missed.Count;
                if (missed.Count > 0)
                {
                    counts.MissedSamples.Add($"{code}: {missed.Count} missed, first ids {string.Join(", ", missed.Take(5))}");
                }
            }
        }

        return counts;
    }
}
