using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Cli.Commands;

/// <summary>A parsed <c>record</c> command line.</summary>
internal sealed record RecordSettings
{
    public required IReadOnlyList<RecordedStream> Streams { get; init; }

    public required IReadOnlyList<string> Codes { get; init; }

    /// <summary>The recording file to create.</summary>
    public required string Out { get; init; }

    /// <summary>Replace <see cref="Out"/> if it exists (otherwise an existing file is an error).</summary>
    public bool Force { get; init; }

    public TimeSpan? For { get; init; }

    public bool Simulate { get; init; }

    public Uri? Endpoint { get; init; }

    public WireFormat Format { get; init; } = WireFormat.Default;
}
