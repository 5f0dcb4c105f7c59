using System.Globalization;
using System.Reactive.Concurrency;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Upbit.Rx.Cli.Views;

/// <summary>The status line under a live view: source, connection state, message rate and totals. Thread-safe.</summary>
internal sealed class StatusLine
{
    private readonly IScheduler _scheduler;
    private readonly string _source;
    private readonly DateTimeOffset _started;
    private readonly object _gate = new();
    private long _messages;
    private long _lastCount;
    private DateTimeOffset _lastAt;
    private double _rate;
    private ConnectionState? _state;

    public StatusLine(IScheduler scheduler, string source)
    {
        _scheduler = scheduler;
        _source = source;
        _started = _lastAt = scheduler.Now;
    }

    public void Count() => Interlocked.Increment(ref _messages);

    public void Set(ConnectionState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    /// <summary>The line's text; the rate is measured over the time since the previous call.</summary>
    public string Text(int width = 160)
    {
        lock (_gate)
        {
            var now = _scheduler.Now;
            var total = Interlocked.Read(ref _messages);
            var seconds = (now - _lastAt).TotalSeconds;
            if (seconds >= 0.5)
            {
                _rate = (total - _lastCount) / seconds;
                _lastCount = total;
                _lastAt = now;
            }

            var state = _state is null ? "starting" : _state.ToString();
            var elapsed = (now - _started).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            // NB: by priority: what is connected and how to quit always show; the totals and the source give way first.
            var parts = new (string Text, int Priority)[]
            {
                (_source, 3),
                (state, 0),
                (string.Create(CultureInfo.InvariantCulture, $"{_rate:0.0} msg/s"), 1),
                (string.Create(CultureInfo.InvariantCulture, $"{total} messages"), 4),
                (elapsed, 2),
                ("Ctrl+C to quit", 0),
            };
            return Fit(parts, width);
        }
    }

    /// <summary>The line for a screen <paramref name="width"/> columns wide (it never wraps).</summary>
    public IRenderable Render(int width = 160) => new Markup("[grey]" + Markup.Escape(Text(width)) + "[/]");

    private static string Fit((string Text, int Priority)[] parts, int width)
    {
        var shown = parts.ToList();
        // NB: a terminal wraps a line that reaches its last column, so keep one column free.
        while (Join(shown).Length > width - 1 && shown.Any(p => p.Priority > 0))
        {
            shown.Remove(shown.Where(p => p.Priority > 0).MaxBy(p => p.Priority));
        }

        var line = Join(shown);
        return line.Length <= width - 1 ? line : line[..Math.Max(0, width - 2)] + "…";
    }

    private static string Join(IEnumerable<(string Text, int Priority)> parts) => string.Join(" · ", parts.Select(p => p.Text));
}
