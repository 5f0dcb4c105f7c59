using Newtonsoft.Json;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <content>The nested values: orderbook units, asset balances, subscription entries, the error object.</content>
internal sealed partial class FrameDecoder
{
    // NB: a scratch the units are read into, then copied once into the book's exactly-sized array (the only
    // allocation a book's units cost); it grows past Upbit's 30 units only if a host sends more.
    private OrderbookUnit[] _units = new OrderbookUnit[32];
    private readonly List<MyAssetBalance> _assets = new(4);
    private readonly List<SubscriptionListEntry> _entries = new(8);
    private readonly List<string> _codes = new(16);

    private string? ReadNested(JsonTextReader reader, FieldId slot, out bool isNull)
    {
        isNull = false;
        if (!reader.Read())
        {
            return Truncated(reader);
        }

        if (reader.TokenType == JsonToken.Null)
        {
            isNull = true;
            return null;
        }

        var kind = WireNames.Field(slot).Kind;
        if (kind == FieldKind.ErrorObject)
        {
            return ReadErrorObject(reader, slot);
        }

        if (kind == FieldKind.StringList)
        {
            return ReadStringList(reader, slot);
        }

        if (reader.TokenType != JsonToken.StartArray)
        {
            return WrongType(reader, slot, "an array");
        }

        return kind switch
        {
            FieldKind.OrderbookUnits => ReadUnits(reader, slot),
            FieldKind.Assets => ReadAssets(reader, slot),
            FieldKind.SubscriptionEntries => ReadEntries(reader, slot),
            _ => throw new InvalidOperationException($"No reader for {kind}."),
        };
    }

    /// <summary>
    /// Moves to the next element of an array of objects: true on a StartObject, false on the EndArray, or an error.
    /// </summary>
    private static bool NextObject(JsonReader reader, FieldId array, out string? error)
    {
        error = null;
        if (!reader.Read())
        {
            error = Truncated(reader);
            return false;
        }

        if (reader.TokenType is JsonToken.StartObject or JsonToken.EndArray)
        {
            return reader.TokenType == JsonToken.StartObject;
        }

        error = $"'{WireNames.Field(array).Default}' must hold objects but holds a {reader.TokenType} ({Where(reader)}).";
        return false;
    }

    /// <summary>
    /// Reads the members of one nested object into slots of <paramref name="scope"/>, each read with
    /// <see cref="ReadField"/>; returns the first slot of <paramref name="required"/> that is missing or null.
    /// </summary>
    private string? ReadMembers(JsonTextReader reader, FieldScope scope, ReadOnlySpan<FieldId> required, FieldId owner)
    {
        foreach (var slot in required)
        {
            _stamps[(int)slot] = 0;
        }

        while (true)
        {
            if (!reader.Read())
            {
                return Truncated(reader);
            }

            if (reader.TokenType == JsonToken.EndObject)
            {
                break;
            }

            if (!_keys.TryFind(scope, (string)reader.Value!, out var slot))
            {
                reader.Skip();
            }
            else if (ReadField(reader, slot) is { } error)
            {
                return error;
            }
        }

        foreach (var slot in required)
        {
            if (!HasValue(slot))
            {
                var field = WireNames.Field(slot);
                return $"An object in '{WireNames.Field(owner).Default}' lacks '{field.Default}' ('{field.Simple}') ({Where(reader)}).";
            }
        }

        return null;
    }

    private string? ReadUnits(JsonTextReader reader, FieldId slot)
    {
        ReadOnlySpan<FieldId> required = [FieldId.UnitAskPrice, FieldId.UnitBidPrice, FieldId.UnitAskSize, FieldId.UnitBidSize];
        var count = 0;
        string? error;
        while (NextObject(reader, slot, out error))
        {
            if (ReadMembers(reader, FieldScope.OrderbookUnit, required, slot) is { } memberError)
            {
                return memberError;
            }

            var unit = new OrderbookUnit
            {
                AskPrice = _decimals[(int)FieldId.UnitAskPrice],
                BidPrice = _decimals[(int)FieldId.UnitBidPrice],
                AskSize = _decimals[(int)FieldId.UnitAskSize],
                BidSize = _decimals[(int)FieldId.UnitBidSize],
            };

            // NB: Upbit pads a thin book with all-zero units to the requested count; they are not levels.
            if (!unit.IsPadding)
            {
                if (count == _units.Length)
                {
                    Array.Resize(ref _units, count * 2);
                }

                _units[count++] = unit;
            }
        }

        if (error is not null)
        {
            return error;
        }

        _lists[(int)slot] = _units.AsSpan(0, count).ToArray();
        return null;
    }

    private string? ReadAssets(JsonTextReader reader, FieldId slot)
    {
        ReadOnlySpan<FieldId> required = [FieldId.AssetCurrency, FieldId.AssetBalance, FieldId.AssetLocked];
        _assets.Clear();
        string? error;
        while (NextObject(reader, slot, out error))
        {
            if (ReadMembers(reader, FieldScope.Asset, required, slot) is { } memberError)
            {
                return memberError;
            }

            _assets.Add(new MyAssetBalance
            {
                Currency = _strings[(int)FieldId.AssetCurrency]!,
                Balance = _decimals[(int)FieldId.AssetBalance],
                Locked = _decimals[(int)FieldId.AssetLocked],
            });
        }

        if (error is not null)
        {
            return error;
        }

        _lists[(int)slot] = _assets.ToArray();
        return null;
    }

    private string? ReadEntries(JsonTextReader reader, FieldId slot)
    {
        ReadOnlySpan<FieldId> required = [FieldId.EntryType];
        _entries.Clear();
        string? error;
        while (NextObject(reader, slot, out error))
        {
            _stamps[(int)FieldId.EntryCodes] = 0;
            _stamps[(int)FieldId.EntryLevel] = 0;
            if (ReadMembers(reader, FieldScope.SubscriptionEntry, required, slot) is { } memberError)
            {
                return memberError;
            }

            _entries.Add(new SubscriptionListEntry
            {
                Type = _strings[(int)FieldId.EntryType]!,
                Codes = HasValue(FieldId.EntryCodes) ? (string[])_lists[(int)FieldId.EntryCodes]! : null,
                Level = HasValue(FieldId.EntryLevel) ? _decimals[(int)FieldId.EntryLevel] : null,
            });
        }

        if (error is not null)
        {
            return error;
        }

        _lists[(int)slot] = _entries.ToArray();
        return null;
    }

    private string? ReadStringList(JsonTextReader reader, FieldId slot)
    {
        if (reader.TokenType != JsonToken.StartArray)
        {
            return WrongType(reader, slot, "an array of strings");
        }

        _codes.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return Truncated(reader);
            }

            if (reader.TokenType == JsonToken.EndArray)
            {
                break;
            }

            if (reader.TokenType != JsonToken.String)
            {
                return $"'{WireNames.Field(slot).Default}' must hold strings but holds a {reader.TokenType} ({Where(reader)}).";
            }

            _codes.Add((string)reader.Value!);
        }

        _lists[(int)slot] = _codes.ToArray();
        return null;
    }

    /// <summary>Reads <c>{"name":…,"message":…}</c> (keys in any order); a bare string is taken as the name.</summary>
    private string? ReadErrorObject(JsonTextReader reader, FieldId slot)
    {
        _stamps[(int)FieldId.ErrorMessage] = 0;
        switch (reader.TokenType)
        {
            case JsonToken.String:
                _strings[(int)FieldId.ErrorName] = (string)reader.Value!;
                Mark(FieldId.ErrorName, isNull: false);
                return null;
            case JsonToken.StartObject:
                return ReadMembers(reader, FieldScope.Error, [FieldId.ErrorName], slot);
            default:
                return WrongType(reader, slot, "an object");
        }
    }
}
