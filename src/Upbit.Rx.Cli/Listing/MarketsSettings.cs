namespace Upbit.Rx.Cli.Listing;

/// <summary>A parsed <c>markets</c> command line.</summary>
internal sealed record MarketsSettings
{
    /// <summary>Only pairs quoted in this currency (upper case, such as <c>KRW</c>), or <see langword="null"/> for all.</summary>
    public string? Quote { get; init; }

    /// <summary>Only pairs with a warning or a caution.</summary>
    public bool WarnedOnly { get; init; }

    /// <summary>List the in-process simulator's pairs.</summary>
    public bool Simulate { get; init; }

    /// <summary>An endpoint replacing Upbit's public one (its REST API is on the same host), or <see langword="null"/>.</summary>
    public Uri? Endpoint { get; init; }
}
