using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Commands;

/// <summary>A parsed <c>watch</c> (or <c>replay</c>) command line.</summary>
internal sealed record WatchSettings
{
    /// <summary>The stream to show; <see langword="null"/> for every stream of a recording.</summary>
    public WatchStream? Stream { get; init; }

    /// <summary>Pair codes as typed (validated by the client); empty only with a recording (then: all of its codes).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>Run against the in-process loopback exchange and market simulator.</summary>
    public bool Simulate { get; init; }

    /// <summary>A recording to play through the loopback exchange, or <see langword="null"/>.</summary>
    public string? ReplayFile { get; init; }

    /// <summary>Skip (and count) malformed lines of the recording instead of refusing it.</summary>
    public bool SkipBad { get; init; }

    /// <summary>The replay pace.</summary>
    public ReplaySpeed Speed { get; init; } = ReplaySpeed.Original;

    /// <summary>An endpoint replacing Upbit's public one, or <see langword="null"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How long to run; <see langword="null"/> until Ctrl+C (or the end of a replay).</summary>
    public TimeSpan? For { get; init; }

    /// <summary>The candle period.</summary>
    public CandleInterval Interval { get; init; } = CandleInterval.OneMinute;

    /// <summary>Order book depth: 1, 5, 15 or 30.</summary>
    public int Units { get; init; } = 30;

    /// <summary>Order book price grouping (0: tick size).</summary>
    public decimal Level { get; init; }

    /// <summary>The wire format asked of the server.</summary>
    public WireFormat Format { get; init; } = WireFormat.Default;
}
