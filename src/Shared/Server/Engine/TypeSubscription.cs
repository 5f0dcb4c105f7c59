using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>One data type object of a request, validated.</summary>
/// <param name="TypeName">The <c>type</c> value as sent (e.g. <c>candle.1m</c>).</param>
/// <param name="Type">The data type.</param>
/// <param name="Interval">Candle only: the period.</param>
/// <param name="Codes">The <c>codes</c> as sent, or <see langword="null"/> when absent.</param>
/// <param name="Targets">The codes with orderbook suffixes resolved.</param>
/// <param name="Level">Orderbook only: the requested grouping level (0 when absent).</param>
/// <param name="OnlySnapshot"><c>is_only_snapshot</c>.</param>
/// <param name="OnlyRealtime"><c>is_only_realtime</c>.</param>
/// <param name="Categories">Announcement only: the categories asked for, or <see langword="null"/> for all.</param>
/// <param name="IncludeBody">Announcement only: <c>include_body</c>.</param>
internal sealed record TypeSubscription(
    string TypeName,
    DataType Type,
    CandleInterval Interval,
    IReadOnlyList<string>? Codes,
    IReadOnlyList<CodeTarget> Targets,
    decimal Level,
    bool OnlySnapshot,
    bool OnlyRealtime,
    IReadOnlyList<string>? Categories,
    bool IncludeBody);
