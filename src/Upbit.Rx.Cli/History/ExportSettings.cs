using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.History;

/// <summary>A parsed <c>candles</c> or <c>trades</c> command line.</summary>
internal sealed record ExportSettings
{
    /// <summary>The pair code as typed (checked against the market list before anything is fetched).</summary>
    public required string Code { get; init; }

    /// <summary>The candle period; <see langword="null"/> for trades.</summary>
    public CandleInterval? Interval { get; init; }

    /// <summary>The inclusive start of the range.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The exclusive end of the range.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The CSV file to write.</summary>
    public required string Out { get; init; }

    /// <summary>Overwrite <see cref="Out"/> if it exists.</summary>
    public bool Force { get; init; }

    /// <summary>Export from the in-process simulator (which has an hour of history when it starts).</summary>
    public bool Simulate { get; init; }

    /// <summary>An endpoint replacing Upbit's public one (its REST API is on the same host), or <see langword="null"/>.</summary>
    public Uri? Endpoint { get; init; }
}
