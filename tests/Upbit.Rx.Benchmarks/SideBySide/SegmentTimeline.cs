using System.Diagnostics;
using System.Globalization;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// Diagnostic: how a child's rate and CPU per message move within its measured phase, so a slow round can be told apart
/// as slow throughout or slow for a stretch. With <see cref="Variable"/> set, a child notes the clock and its process CPU
/// time every <see cref="Every"/> measured messages and appends one line at the end of the phase: for each stretch, the
/// messages per second and the CPU microseconds per message (<c>186k@8.5</c>).
/// </summary>
/// <remarks>NB: it reads no files and allocates nothing during the phase (the marks go into an array made up front), so
/// it starts no code the runtime would compile in the phase; reading <c>/proc</c> there did, and its tiered compiler then
/// showed up as a slow stretch of its own.</remarks>
internal sealed class SegmentTimeline
{
    /// <summary>The environment variable that names the file to append to (the children inherit it).</summary>
    public const string Variable = "UPBIT_RX_SIDEBYSIDE_SEGMENTS";

    /// <summary>Measured messages per stretch.</summary>
    public const int Every = 10_000;

    private readonly long[] _stamps;
    private readonly TimeSpan[] _cpu;
    private int _count;

    private SegmentTimeline(int measured)
    {
        _stamps = new long[(measured / Every) + 1];
        _cpu = new TimeSpan[_stamps.Length];
    }

    /// <summary>The file to append to, or <see langword="null"/> when the diagnostic is off.</summary>
    public static string? File { get; } = Environment.GetEnvironmentVariable(Variable);

    /// <summary>A timeline for a measured phase of <paramref name="measured"/> messages, or none when the diagnostic is off.</summary>
    public static SegmentTimeline? For(int measured) => File is null || measured <= 0 ? null : new SegmentTimeline(measured);

    /// <summary>Notes the clock when <paramref name="measured"/> (messages into the measured phase, from 0) starts a stretch.</summary>
    public void MaybeMark(long measured)
    {
        if (measured % Every == 0 && _count < _stamps.Length)
        {
            _stamps[_count] = Stopwatch.GetTimestamp();
            _cpu[_count] = Environment.CpuUsage.TotalTime;
            _count++;
        }
    }

    /// <summary>Appends the line of <paramref name="label"/>'s stretches; call once the phase has ended.</summary>
    public void Write(string label)
    {
        var parts = new List<string>();
        for (var i = 1; i < _count; i++)
        {
            var seconds = Stopwatch.GetElapsedTime(_stamps[i - 1], _stamps[i]).TotalSeconds;
            var micros = (_cpu[i] - _cpu[i - 1]).TotalMicroseconds / Every;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Every / seconds / 1000:0}k@{micros:0.0}"));
        }

        System.IO.File.AppendAllText(File!, $"{label} {string.Join(' ', parts)}\n");
    }
}
