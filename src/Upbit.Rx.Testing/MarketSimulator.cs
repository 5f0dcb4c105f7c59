using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Upbit.Rx.Streams;
using Upbit.Rx.Server;
using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing;

/// <summary>
/// Deterministic simulated markets: every <see cref="MarketSimulatorOptions.TickInterval"/> of scheduler time each
/// listed pair trades <see cref="MarketSimulatorOptions.TradesPerTick"/> times on a seeded random walk over its tick
/// grid (Upbit's KRW tick table), and its ticker, order book and candles follow from those trades. The same options and
/// scheduler times always give the same messages, whatever is subscribed.
/// </summary>
/// <remarks>
/// Ticking starts at construction and stops at <see cref="Dispose"/> (or at <see cref="MarketSimulatorOptions.Horizon"/>). <see cref="Messages"/> is hot; every other member
/// reads the current state and may be called from any thread.
/// </remarks>
public sealed partial class MarketSimulator : IDisposable
{
    private readonly object _gate = new();
    private readonly MarketSimulatorOptions _options;
    private readonly MarketClock _clock;
    private readonly Dictionary<string, SimulatedPair> _pairs;
    private readonly Dictionary<string, DateTimeOffset> _lastCandlePush = new(StringComparer.Ordinal);
    private readonly Subject<UpbitMessage> _messages = new();
    private readonly IDisposable _ticking;

    /// <summary>Creates the markets and starts ticking on <paramref name="scheduler"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A code is not upper case <c>QUOTE-BASE</c>, the tick interval is not
    /// positive, trades per tick is below 1, the horizon is negative, a history limit is below 1 or the history span
    /// is negative.</exception>
    public MarketSimulator(MarketSimulatorOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        var bad = options.Codes.FirstOrDefault(c => c.Split('-').Length != 2 || c.Any(char.IsLower));
        if (bad is not null)
        {
            throw new ArgumentException($"'{bad}' is not an upper-case QUOTE-BASE pair code.", nameof(options));
        }

        if (options.TickInterval <= TimeSpan.Zero || options.TradesPerTick < 1)
        {
            throw new ArgumentException("TickInterval must be positive and TradesPerTick at least 1.", nameof(options));
        }

        if (options.Horizon < TimeSpan.Zero)
        {
            throw new ArgumentException("Horizon must not be negative.", nameof(options));
        }

        if (options.TradeHistoryLimit < 1 || options.CandleHistoryLimit < 1 || options.History < TimeSpan.Zero)
        {
            throw new ArgumentException("TradeHistoryLimit and CandleHistoryLimit must be positive and History not negative.", nameof(options));
        }

        _options = options;
        _clock = new MarketClock(scheduler, options.VirtualEpoch);
        var now = _clock.Now;
        var start = now - options.History;
        _pairs = options.Codes.Distinct().ToDictionary(
            c => c,
            c => new SimulatedPair(c, options.Seed, start, new TradeHistory(options.TradeHistoryLimit, options.CandleHistoryLimit)),
            StringComparer.Ordinal);
        for (var at = start + options.TickInterval; at <= now; at += options.TickInterval)
        {
            Replay(at);
        }

        var first = scheduler.Now + options.TickInterval;
        var last = options.Horizon is { } horizon && horizon < DateTimeOffset.MaxValue - scheduler.Now ? scheduler.Now + horizon : DateTimeOffset.MaxValue;
        _ticking = first > last ? Disposable.Empty : scheduler.Schedule(first, first, (due, self) =>
        {
            foreach (var message in Tick())
            {
                _messages.OnNext(message);
            }

            // NB: past the horizon nothing is scheduled, so a virtual clock can run out of work.
            var next = due + options.TickInterval;
            if (next <= last)
            {
                self(next, next);
            }
        });
    }

    /// <summary>The listed pair codes.</summary>
    public IReadOnlyList<string> Codes => [.. _pairs.Keys];

    /// <summary>Hot: every REALTIME <see cref="Trade"/>, <see cref="Ticker"/>, level-0 30-unit <see cref="Orderbook"/>
    /// and <see cref="Candle"/> (at most one per code and interval per second, only after a trade) as it happens, on
    /// the scheduler's thread.</summary>
    public IObservable<UpbitMessage> Messages => _messages.AsObservable();

    /// <summary>Whether <paramref name="code"/> is listed (exact, case-sensitive match).</summary>
    public bool IsListed(string code) => _pairs.ContainsKey(code);

    /// <summary>The latest ticker of a listed code.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public Ticker Ticker(string code, StreamType streamType = StreamType.Snapshot)
    {
        lock (_gate)
        {
            return _pairs[code].Ticker(streamType);
        }
    }

    /// <summary>The latest trade of a listed code.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public Trade Trade(string code, StreamType streamType = StreamType.Snapshot)
    {
        lock (_gate)
        {
            return _pairs[code].LastTrade with { StreamType = streamType };
        }
    }

    /// <summary>The current book of a listed code: exactly <paramref name="units"/> units, grouped by
    /// <paramref name="level"/> (0 = tick size), or <see langword="null"/> when the pair does not support that level.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public Orderbook? Orderbook(string code, int units = 30, decimal level = 0m, StreamType streamType = StreamType.Snapshot)
    {
        lock (_gate)
        {
            return _pairs[code].Book(units, level, streamType, _clock.NowMilliseconds);
        }
    }

    /// <summary>The most recent candle of a listed code and period (every pair trades once at start, so there is one).</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public Candle Candle(string code, CandleInterval interval, StreamType streamType = StreamType.Snapshot)
    {
        lock (_gate)
        {
            return _pairs[code].Candle(interval, streamType)!;
        }
    }

    /// <summary>The grouping levels a listed code supports (<c>supported_levels</c>): 0, and on KRW pairs 10× to
    /// 100,000× the tick it was listed at. Fixed for the pair's life, as Upbit's are, even when the tick changes.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public IReadOnlyList<decimal> SupportedLevels(string code)
    {
        lock (_gate)
        {
            return _pairs[code].Levels;
        }
    }

    /// <summary>The current tick size of a listed code.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    public decimal TickSize(string code)
    {
        lock (_gate)
        {
            return _pairs[code].Tick;
        }
    }

    /// <summary>Stops ticking and completes <see cref="Messages"/>.</summary>
    public void Dispose()
    {
        _ticking.Dispose();
        _messages.OnCompleted();
    }

    private List<UpbitMessage> Tick()
    {
        var produced = new List<UpbitMessage>();
        lock (_gate)
        {
            var now = _clock.Now;
            foreach (var (code, pair) in _pairs)
            {
                for (var i = 0; i < _options.TradesPerTick; i++)
                {
                    produced.Add(pair.Step(now));
                    produced.Add(pair.Ticker(StreamType.Realtime));
                }

                pair.RefreshBook();
                produced.Add(pair.Book(30, 0m, StreamType.Realtime, now.ToUnixTimeMilliseconds())!);
                if (!_lastCandlePush.TryGetValue(code, out var last) || now - last >= TimeSpan.FromSeconds(1))
                {
                    _lastCandlePush[code] = now;
                    produced.AddRange(CandleNames.All.Select(i => pair.Candle(i, StreamType.Realtime)!));
                }
            }
        }

        return produced;
    }
}
