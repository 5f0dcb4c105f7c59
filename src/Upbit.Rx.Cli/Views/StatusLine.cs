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
    public string Text()
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
            return string.Create(CultureInfo.InvariantCulture, $"{_source} · {state} · {_rate:0.0} msg/s · {total} messages · {elapsed} · Ctrl+C to quit");
        }
    }

    public IRenderable Render() => new Markup("[grey]" + Markup.Escape(Text()) + "[/]");
}
