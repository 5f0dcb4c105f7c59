using System.Globalization;
using Newtonsoft.Json;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Protocol;

/// <summary>
/// Turns the wanted union into Upbit's request text <c>[{"ticket"},{type objects…},{"format"}]</c>. Pure and
/// deterministic: the same union always gives the same string, whatever the input order.
/// </summary>
/// <remarks>
/// One type object per (type, flags, orderbook level). <c>codes</c> are sorted ordinally; orderbook codes always carry
/// their unit suffix (<c>KRW-BTC.15</c>) and <c>level</c> is written only when non-zero; flags
/// (<c>is_only_realtime</c>, <c>is_only_snapshot</c>) are written only when true; myOrder omits <c>codes</c> when any key
/// asks for all markets; myAsset never carries <c>codes</c>. announcement carries its keys' categories as
/// <c>categories</c> (omitted when any key asks for every category), <c>include_body</c> when any key wants bodies, and
/// never a flag: Upbit sends notices realtime only, so a live and a new announcement key are one type object. Type
/// objects are ordered by type name (ordinal), then <see cref="KeyDelivery"/>, then level.
/// </remarks>
internal static class RequestPlanner
{
    /// <summary>Builds the subscription request for <paramref name="keys"/>.</summary>
    /// <param name="keys">The union to put on the wire (duplicates are merged), including one-shot snapshot fetches.</param>
    /// <param name="format">The wire format for the whole connection.</param>
    /// <param name="ticket">The request ticket (a unique id).</param>
    /// <returns>The request text, or <see langword="null"/> when <paramref name="keys"/> is empty: Upbit has no
    /// "unsubscribe all" request, so an empty union sends nothing (the caller may close the connection instead).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or <paramref name="ticket"/> is null.</exception>
    /// <exception cref="ArgumentException">The keys mix private and public streams; a key is malformed (empty code on a
    /// public stream, orderbook units not 1/5/15/30, negative level, a code on myAsset); the same key is asked both
    /// realtime-only and with a snapshot; or <paramref name="ticket"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string? Plan(IEnumerable<PlannedKey> keys, WireFormat format, string ticket)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(ticket);
        var formatName = FormatName(format);

        // NB: a list of groups (a handful per union) and code lists sorted once at the end, not a SortedDictionary of
        // SortedSets keyed by a value tuple: those are generic instantiations over value types that nothing else in the
        // process uses, each compiled and laid out by the runtime for this one call per union change.
        var groups = new List<RequestGroup>();
        var streaming = new Dictionary<StreamKey, KeyDelivery>();
        RequestGroup? last = null;
        bool? isPrivate = null;
        foreach (var (key, asked) in keys)
        {
            // NB: no snapshot exists for notices, so no flag is needed (or known to be accepted) on their type object.
            var delivery = key.Kind == StreamKind.Announcement && asked == KeyDelivery.RealtimeOnly ? KeyDelivery.SnapshotThenRealtime : asked;
            Validate(key, delivery, nameof(keys));
            if (isPrivate is { } endpoint && endpoint != key.IsPrivate)
            {
                throw new ArgumentException("A request cannot mix private (myOrder, myAsset, announcement) and public keys: they are served by different endpoints.", nameof(keys));
            }

            isPrivate = key.IsPrivate;
            if (delivery != KeyDelivery.SnapshotOnly)
            {
                if (streaming.TryGetValue(key, out var earlier) && earlier != delivery)
                {
                    throw new ArgumentException($"{key.Kind} key '{key.Code}' is asked both as {earlier} and as {delivery}; a streaming key is either new or live.", nameof(keys));
                }

                streaming[key] = delivery;
            }

            var (type, level) = (TypeName(key), key.Kind == StreamKind.Orderbook ? key.OrderbookLevel : 0m);
            var group = last is not null && last.Is(type, delivery, level) ? last : groups.Find(g => g.Is(type, delivery, level));
            if (group is null)
            {
                group = new RequestGroup(type, delivery, level);
                groups.Add(group);
            }

            last = group;
            group.IncludeBody |= key.IncludeBody;
            group.Codes.Add(key.Kind == StreamKind.Orderbook ? $"{key.Code}.{key.OrderbookUnits.ToString(CultureInfo.InvariantCulture)}" : key.Code);
        }

        if (groups.Count == 0)
        {
            return null;
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartArray();
            WriteTicket(writer, ticket);
            groups.Sort(RequestGroup.Compare);
            foreach (var group in groups)
            {
                WriteTypeObject(writer, group);
            }

            WriteFormat(writer, formatName);
            writer.WriteEndArray();
        }

        return text.ToString();
    }

    /// <summary>
    /// Builds <c>[{"ticket":…},{"method":"LIST_SUBSCRIPTIONS"}]</c>, plus a format object when <paramref name="format"/> is
    /// given. Upbit switches the whole connection to that format, so pass the connection's format or none.
    /// </summary>
    /// <param name="ticket">The request ticket; the reply echoes it.</param>
    /// <param name="format">The connection's format, or <see langword="null"/> to send no format object.</param>
    /// <returns>The request text.</returns>
    /// <exception cref="ArgumentException"><paramref name="ticket"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string ListSubscriptionsRequest(string ticket, WireFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticket);
        var formatName = format is { } f ? FormatName(f) : null;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartArray();
            WriteTicket(writer, ticket);
            writer.WriteStartObject();
            writer.WritePropertyName("method");
            writer.WriteValue("LIST_SUBSCRIPTIONS");
            writer.WriteEndObject();
            if (formatName is not null)
            {
                WriteFormat(writer, formatName);
            }

            writer.WriteEndArray();
        }

        return text.ToString();
    }

    private static void WriteTicket(JsonTextWriter writer, string ticket)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("ticket");
        writer.WriteValue(ticket);
        writer.WriteEndObject();
    }

    private static void WriteFormat(JsonTextWriter writer, string formatName)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("format");
        writer.WriteValue(formatName);
        writer.WriteEndObject();
    }

    private static void WriteTypeObject(JsonTextWriter writer, RequestGroup group)
    {
        var (type, delivery, level) = (group.Type, group.Delivery, group.Level);
        var codes = group.SortedCodes();
        writer.WriteStartObject();
        writer.WritePropertyName("type");
        writer.WriteValue(type);

        // NB: myAsset must never carry codes (WRONG_FORMAT); an empty myOrder code means all markets, and
        // absent codes is how Upbit spells that; likewise absent categories mean every category.
        var announcement = type == WireNames.Announcement;
        var omitCodes = type == "myAsset" || ((type == "myOrder" || announcement) && codes.Contains(string.Empty));
        if (!omitCodes)
        {
            writer.WritePropertyName(announcement ? "categories" : "codes");
            writer.WriteStartArray();
            foreach (var code in codes)
            {
                writer.WriteValue(code);
            }

            writer.WriteEndArray();
        }

        if (level != 0m)
        {
            // NB: written raw so 10000 stays 10000 (WriteValue(decimal) would give 10000.0); never an exponent.
            writer.WritePropertyName("level");
            writer.WriteRawValue(level.ToString("0.############################", CultureInfo.InvariantCulture));
        }

        if (group.IncludeBody)
        {
            writer.WritePropertyName("include_body");
            writer.WriteValue(true);
        }

        if (delivery == KeyDelivery.SnapshotOnly)
        {
            writer.WritePropertyName("is_only_snapshot");
            writer.WriteValue(true);
        }
        else if (delivery == KeyDelivery.RealtimeOnly)
        {
            writer.WritePropertyName("is_only_realtime");
            writer.WriteValue(true);
        }

        writer.WriteEndObject();
    }

    private static void Validate(StreamKey key, KeyDelivery delivery, string paramName)
    {
        if (!Enum.IsDefined(delivery))
        {
            throw new ArgumentException($"{key.Kind} key '{key.Code}' has an undefined delivery {delivery}.", paramName);
        }

        if (!Enum.IsDefined(key.Kind) || (key.Kind == StreamKind.Candle && !Enum.IsDefined(key.Interval)))
        {
            throw new ArgumentException($"Key '{key.Code}' has an undefined kind ({key.Kind}) or candle interval ({key.Interval}).", paramName);
        }

        var needsCode = key.Kind is StreamKind.Ticker or StreamKind.Trade or StreamKind.Orderbook or StreamKind.Candle;
        if (needsCode && string.IsNullOrWhiteSpace(key.Code))
        {
            throw new ArgumentException($"{key.Kind} key needs a pair code.", paramName);
        }

        if (key.Kind == StreamKind.MyAsset && key.Code.Length != 0)
        {
            throw new ArgumentException($"MyAsset key takes no code (got '{key.Code}').", paramName);
        }

        if (key.Kind == StreamKind.Announcement && delivery == KeyDelivery.SnapshotOnly)
        {
            throw new ArgumentException("Announcement keys cannot be fetched as a snapshot: Upbit sends notices realtime only.", paramName);
        }

        if (key.Kind != StreamKind.Announcement && key.IncludeBody)
        {
            throw new ArgumentException($"{key.Kind} key '{key.Code}': include_body applies to announcement keys only.", paramName);
        }

        if (key.Kind != StreamKind.Orderbook && (key.OrderbookUnits != 0 || key.OrderbookLevel != 0m))
        {
            throw new ArgumentException($"{key.Kind} key '{key.Code}': units and level apply to orderbook keys only.", paramName);
        }

        if (key.Kind == StreamKind.Orderbook)
        {
            if (key.OrderbookUnits is not (1 or 5 or 15 or 30))
            {
                throw new ArgumentException($"Orderbook key '{key.Code}': units must be 1, 5, 15 or 30 (got {key.OrderbookUnits}).", paramName);
            }

            if (key.OrderbookLevel < 0m)
            {
                throw new ArgumentException($"Orderbook key '{key.Code}': level must be zero or positive (got {key.OrderbookLevel}).", paramName);
            }
        }
    }

    private static string TypeName(StreamKey key) => WireNames.TypeName(key.Kind, key.Interval);

    private static string FormatName(WireFormat format) => WireNames.FormatName(format);
}
