using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Newtonsoft.Json;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Protocol;

/// <summary>
/// Wire names: field keys in both namings (<see cref="Fields"/>, one table for decoder and encoder), data type names
/// (<c>ticker</c>, <c>candle.1m</c>, <c>myOrder</c>, …) and format names.
/// </summary>
internal static class WireNames
{
    /// <summary>The <c>type</c> value of ticker frames.</summary>
    public const string Ticker = "ticker";

    /// <summary>The <c>type</c> value of trade frames.</summary>
    public const string Trade = "trade";

    /// <summary>The <c>type</c> value of orderbook frames.</summary>
    public const string Orderbook = "orderbook";

    /// <summary>The prefix of candle <c>type</c> values (<c>candle.1m</c>).</summary>
    public const string CandlePrefix = "candle.";

    /// <summary>The <c>type</c> value of myOrder frames.</summary>
    public const string MyOrder = "myOrder";

    /// <summary>The <c>type</c> value of myAsset frames.</summary>
    public const string MyAsset = "myAsset";

    /// <summary>The <c>type</c> value of announcement frames.</summary>
    public const string Announcement = "announcement";

    /// <summary>The <c>method</c> value of a subscription listing request and its reply.</summary>
    public const string ListSubscriptions = "LIST_SUBSCRIPTIONS";

    private static readonly string[] CandleTypes =
    [
        "candle.1s", "candle.1m", "candle.3m", "candle.5m", "candle.10m", "candle.15m", "candle.30m", "candle.60m", "candle.240m",
    ];

    private static readonly WireField[] Table = WireFieldTable.Rows;
    private static readonly int ScopeCount = Enum.GetValues<FieldScope>().Length;
    private static readonly Dictionary<string, int> KeyNumbers = new(StringComparer.Ordinal);

    // NB: indexed by key number; ScopedSlots holds one slot (or -1) per key and scope, so that finding a key's field
    // costs an array read once the reader's name table has found the key. Probe is an open-addressing table of key
    // number + 1 (0: empty) hashed on the length and three chars, so finding a key costs about one compare.
    private static readonly string[] Keys;
    private static readonly int[] ScopedSlots;
    private static readonly int[] Probe;

    static WireNames()
    {
        var keys = new List<string>();
        var slots = new List<int>();
        NameTable = BuildLookups(keys, slots);
        Keys = [.. keys];
        ScopedSlots = [.. slots];
        Probe = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Keys.Length * 4)];
        for (var number = 0; number < Keys.Length; number++)
        {
            var i = ProbeStart(Keys[number]);
            while (Probe[i] != 0)
            {
                i = (i + 1) & (Probe.Length - 1);
            }

            Probe[i] = number + 1;
        }
    }

    /// <summary>
    /// Every key of <see cref="Fields"/>, for <see cref="JsonTextReader.PropertyNameTable"/>: the reader then hands
    /// back these very instances instead of allocating a string per key. Only read after type initialisation, so it
    /// is safe to share between readers on any thread.
    /// </summary>
    public static DefaultJsonNameTable NameTable { get; }

    /// <summary>The name table, indexed by <see cref="FieldId"/>.</summary>
    public static ReadOnlySpan<WireField> Fields => Table;

    /// <summary>The row of <paramref name="id"/>.</summary>
    public static ref readonly WireField Field(FieldId id) => ref Table[(int)id];

    /// <summary>The key of <paramref name="id"/> in the given naming.</summary>
    public static string Name(FieldId id, bool simple) => Table[(int)id].Name(simple);

    /// <summary>
    /// Finds the slot a key read in <paramref name="scope"/> is stored in, whichever naming it uses. NB: compares by
    /// reference, which is sound only for keys handed out by <see cref="NameTable"/> (unknown keys never match).
    /// </summary>
    public static bool TryFind(FieldScope scope, string key, out FieldId slot)
    {
        slot = default;
        return KeyNumbers.TryGetValue(key, out var number) && ReferenceEquals(Keys[number], key) && TryFind(scope, number, key, out slot);
    }

    /// <summary>
    /// Finds the key spelled <paramref name="text"/>: its interned instance (the one <see cref="NameTable"/> hands
    /// out) and its number for <see cref="TryFind(FieldScope, int, string, out FieldId)"/>; false for any other text.
    /// </summary>
    public static bool TryFindKey(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? key, out int number)
    {
        var probe = Probe;
        for (var i = ProbeStart(text); probe[i] != 0; i = (i + 1) & (probe.Length - 1))
        {
            var candidate = Keys[probe[i] - 1];
            if (text.SequenceEqual(candidate))
            {
                key = candidate;
                number = probe[i] - 1;
                return true;
            }
        }

        key = null;
        number = -1;
        return false;
    }

    private static int ProbeStart(ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0 : ((text.Length * 7919) ^ (text[0] * 31) ^ (text[text.Length / 2] * 131) ^ (text[^1] * 1031)) & (Probe.Length - 1);

    /// <summary>
    /// Finds the slot of key <paramref name="number"/> (from <see cref="TryFindKey"/>) in <paramref name="scope"/>.
    /// NB: <paramref name="key"/> must be that key's interned instance; any other string (a stale number) never matches.
    /// </summary>
    public static bool TryFind(FieldScope scope, int number, string key, out FieldId slot)
    {
        slot = default;
        if ((uint)number >= (uint)Keys.Length || !ReferenceEquals(Keys[number], key))
        {
            return false;
        }

        var found = ScopedSlots[(number * ScopeCount) + (int)scope];
        slot = (FieldId)found;
        return found >= 0;
    }

    /// <summary>The <c>type</c> value for a subscription kind, e.g. <c>ticker</c> or, for candles, <c>candle.1m</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined kind or interval.</exception>
    public static string TypeName(StreamKind kind, CandleInterval interval = CandleInterval.OneSecond) => kind switch
    {
        StreamKind.Ticker => Ticker,
        StreamKind.Trade => Trade,
        StreamKind.Orderbook => Orderbook,
        StreamKind.Candle => CandleTypeName(interval),
        StreamKind.MyOrder => MyOrder,
        StreamKind.MyAsset => MyAsset,
        StreamKind.Announcement => Announcement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a stream kind."),
    };

    /// <summary>The candle <c>type</c> value of <paramref name="interval"/>, e.g. <c>candle.15m</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined interval.</exception>
    public static string CandleTypeName(CandleInterval interval) =>
        (uint)interval < (uint)CandleTypes.Length
            ? CandleTypes[(int)interval]
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not a candle interval.");

    /// <summary>Parses a candle <c>type</c> value such as <c>candle.1m</c>; false for any other text.</summary>
    public static bool TryParseCandleType(string? type, out CandleInterval interval)
    {
        var index = type is null ? -1 : Array.IndexOf(CandleTypes, type);
        interval = index < 0 ? default : (CandleInterval)index;
        return index >= 0;
    }

    /// <summary>Parses a subscribable <c>type</c> value such as <c>ticker</c>, <c>candle.1m</c> or <c>announcement</c>.</summary>
    public static bool TryParseTypeName(string? type, out StreamKind kind, out CandleInterval interval)
    {
        interval = default;
        switch (type)
        {
            case Ticker: kind = StreamKind.Ticker; return true;
            case Trade: kind = StreamKind.Trade; return true;
            case Orderbook: kind = StreamKind.Orderbook; return true;
            case MyOrder: kind = StreamKind.MyOrder; return true;
            case MyAsset: kind = StreamKind.MyAsset; return true;
            case Announcement: kind = StreamKind.Announcement; return true;
            default:
                kind = StreamKind.Candle;
                return TryParseCandleType(type, out interval);
        }
    }

    /// <summary>The <c>format</c> value of <paramref name="format"/>: <c>DEFAULT</c>, <c>SIMPLE</c>, <c>JSON_LIST</c> or <c>SIMPLE_LIST</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined format.</exception>
    public static string FormatName(WireFormat format) => format switch
    {
        WireFormat.Default => "DEFAULT",
        WireFormat.Simple => "SIMPLE",
        WireFormat.JsonList => "JSON_LIST",
        WireFormat.SimpleList => "SIMPLE_LIST",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a wire format."),
    };

    /// <summary>Whether <paramref name="format"/> uses the SIMPLE abbreviations.</summary>
    public static bool IsSimple(WireFormat format) => format is WireFormat.Simple or WireFormat.SimpleList;

    /// <summary>Whether <paramref name="format"/> wraps messages in an array.</summary>
    public static bool IsList(WireFormat format) => format is WireFormat.JsonList or WireFormat.SimpleList;

    private static DefaultJsonNameTable BuildLookups(List<string> keys, List<int> slots)
    {
        var nameTable = new DefaultJsonNameTable();
        for (var i = 0; i < Table.Length; i++)
        {
            var row = Table[i];
            if ((int)row.Id != i)
            {
                throw new InvalidOperationException($"Name table row {i} holds {row.Id}; rows must follow FieldId order.");
            }

            Register(nameTable.Add(row.Default), row, keys, slots);
            Register(nameTable.Add(row.Simple), row, keys, slots);
        }

        return nameTable;
    }

    private static void Register(string key, WireField row, List<string> keys, List<int> slots)
    {
        if (!KeyNumbers.TryGetValue(key, out var number))
        {
            number = keys.Count;
            KeyNumbers.Add(key, number);
            keys.Add(key);
            slots.AddRange(Enumerable.Repeat(-1, ScopeCount));
        }

        var index = (number * ScopeCount) + (int)row.Scope;
        if (slots[index] >= 0 && slots[index] != (int)row.Slot)
        {
            throw new InvalidOperationException($"Key '{key}' in scope {row.Scope} names both {(FieldId)slots[index]} and {row.Slot}.");
        }

        slots[index] = (int)row.Slot;
    }
}
