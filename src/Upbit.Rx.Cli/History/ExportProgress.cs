using System.Globalization;
using System.Reactive.Concurrency;

namespace Upbit.Rx.Cli.History;

/// <summary>
/// How far an export has got, as the share of the time range the pages have reached back through (pages run newest
/// first). Reported synchronously on the thread that read the page. On a terminal it moves a progress bar; redirected, it
/// writes a plain line to standard error at most once a second (on the CLI's scheduler) and always for the last page.
/// </summary>
internal sealed class ExportProgress : IProgress<UpbitPagingProgress>
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(1);
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;
    private readonly TextWriter? _plain;
    private readonly IScheduler _scheduler;
    private readonly string _what;
    private DateTimeOffset? _lastLine;
    private UpbitPagingProgress? _written;

    public ExportProgress(ExportSettings settings, string what, IScheduler scheduler, TextWriter? plain)
    {
        _from = settings.From;
        _to = settings.To;
        _what = what;
        _scheduler = scheduler;
        _plain = plain;
    }

    /// <summary>Moves the terminal's progress bar to a percentage; <see langword="null"/> when redirected.</summary>
    public Action<double>? Bar { get; set; }

    /// <summary>The last report, or <see langword="null"/> before the first page.</summary>
    public UpbitPagingProgress? Last { get; private set; }

    /// <summary>Percent of the range covered by <paramref name="progress"/>, 0 to 100.</summary>
    public double Percent(UpbitPagingProgress progress)
    {
        var reached = progress.ReachedBack ?? _to;
        var span = (_to - _from).TotalMilliseconds;
        return span <= 0 ? 100 : Math.Clamp((_to - reached).TotalMilliseconds / span * 100, 0, 100);
    }

    public void Report(UpbitPagingProgress value)
    {
        Last = value;
        Bar?.Invoke(Percent(value));
        var now = _scheduler.Now;
        if (_plain is not null && (_lastLine is null || now - _lastLine >= PlainEvery))
        {
            _lastLine = now;
            _written = value;
            _plain.WriteLine(Line(value));
        }
    }

    /// <summary>Writes the final plain line (when redirected) unless the last report was already written.</summary>
    public void Finish()
    {
        if (_plain is not null && Last is { } last && !ReferenceEquals(last, _written))
        {
            _plain.WriteLine(Line(last));
        }
    }

    private string Line(UpbitPagingProgress value) => string.Create(
        CultureInfo.InvariantCulture,
        $"upbit-rx: {_what}: page {value.Pages}, {value.Items} row(s), back to {value.ReachedBack?.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} ({Percent(value):0}%)");
}
