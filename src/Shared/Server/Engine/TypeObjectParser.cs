using System.Globalization;
using System.Text.Json;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>Validates one data type object (<c>{"type":...,"codes":[...],...}</c>) of a request.</summary>
internal static class TypeObjectParser
{
    private static readonly int[] s_unitCounts = [1, 5, 15, 30];

    public static (TypeSubscription? Subscription, ServerError? Error) Parse(
        JsonElement type, JsonElement item, ErrorCatalog errors, bool isPrivateEndpoint, HashSet<string> categories)
    {
        if (type.ValueKind != JsonValueKind.String)
        {
            return (null, errors.Format());
        }

        var name = type.GetString()!;
        if (!TryResolve(name, out var dataType, out var interval) || IsPrivate(dataType) != isPrivateEndpoint)
        {
            return (null, errors.UnsupportedType(name));
        }

        IReadOnlyList<string>? codes = null;
        if (item.TryGetProperty("codes", out var codesValue))
        {
            if (dataType == DataType.MyAsset || !TryStrings(codesValue, out codes))
            {
                return (null, errors.Format());
            }
        }
        else if (dataType is DataType.Ticker or DataType.Trade or DataType.Orderbook or DataType.Candle)
        {
            return (null, errors.Codes());
        }

        if (!TryFlag(item, "is_only_snapshot", "isOnlySnapshot", out var onlySnapshot)
            || !TryFlag(item, "is_only_realtime", "isOnlyRealtime", out var onlyRealtime)
            || !TryFlag(item, "include_body", "includeBody", out var includeBody))
        {
            return (null, errors.Format());
        }

        var level = 0m;
        if (dataType == DataType.Orderbook && item.TryGetProperty("level", out var levelValue))
        {
            if (levelValue.ValueKind != JsonValueKind.Number || !levelValue.TryGetDecimal(out level))
            {
                return (null, errors.Format());
            }
        }

        IReadOnlyList<string>? wanted = null;
        if (dataType == DataType.Announcement && item.TryGetProperty("categories", out var categoriesValue))
        {
            if (!TryStrings(categoriesValue, out wanted))
            {
                return (null, errors.Format());
            }

            var unknown = wanted.FirstOrDefault(c => !categories.Contains(c));
            if (unknown is not null)
            {
                return (null, errors.UnsupportedCategory(unknown));
            }
        }

        var targets = (codes ?? []).Select(c => dataType == DataType.Orderbook ? OrderbookTarget(c) : new CodeTarget(c, 0)).ToList();
        return (new TypeSubscription(name, dataType, interval, codes, targets, level, onlySnapshot, onlyRealtime, wanted, includeBody), null);
    }

    private static bool IsPrivate(DataType type) => type is DataType.MyOrder or DataType.MyAsset or DataType.Announcement;

    private static CodeTarget OrderbookTarget(string code)
    {
        var dot = code.LastIndexOf('.');
        if (dot < 0 || !int.TryParse(code.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var units))
        {
            return new CodeTarget(code, 30);
        }

        return new CodeTarget(code[..dot], s_unitCounts.Contains(units) ? units : 30);
    }

    private static bool TryStrings(JsonElement value, out IReadOnlyList<string> strings)
    {
        strings = [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        strings = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        return true;
    }

    private static bool TryFlag(JsonElement item, string snake, string camel, out bool flag)
    {
        flag = false;
        if (!item.TryGetProperty(snake, out var value) && !item.TryGetProperty(camel, out value))
        {
            return true;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        flag = value.GetBoolean();
        return true;
    }

    private static bool TryResolve(string name, out DataType type, out CandleInterval interval)
    {
        interval = CandleInterval.OneSecond;
        type = DataType.Candle;
        switch (name)
        {
            case "ticker": type = DataType.Ticker; return true;
            case "trade": type = DataType.Trade; return true;
            case "orderbook": type = DataType.Orderbook; return true;
            case "myOrder": type = DataType.MyOrder; return true;
            case "myAsset": type = DataType.MyAsset; return true;
            case "announcement": type = DataType.Announcement; return true;
        }

        return CandleNames.TryParse(name, out interval);
    }
}
