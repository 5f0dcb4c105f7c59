using Upbit.Rx.Streams;

namespace Upbit.Rx.Protocol;

/// <content>Turns the slots of one object into its record, checking that required fields are present.</content>
internal sealed partial class FrameDecoder
{
    private string? _missing;

    private UpbitMessage? BuildMessage(out string? error)
    {
        _missing = null;
        UpbitMessage? message;
        if (Has(FieldId.Type))
        {
            message = BuildData(_strings[(int)FieldId.Type]);
        }
        else if (Has(FieldId.Status))
        {
            message = new ServerStatus { Status = Text(FieldId.Status) };
        }
        else if (Has(FieldId.Error))
        {
            message = new ServerError { Name = Text(FieldId.ErrorName), Message = _strings[(int)FieldId.ErrorMessage] ?? string.Empty };
        }
        else if (Has(FieldId.Method))
        {
            message = new SubscriptionList { Ticket = _strings[(int)FieldId.Ticket], Entries = List<SubscriptionListEntry>(FieldId.Result) };
        }
        else if (Has(FieldId.Market))
        {
            message = BuildTicker();
        }
        else
        {
            error = "The object has none of the keys 'type'/'ty', 'status', 'error', 'method'/'mthd' or the legacy 'market'";
            return null;
        }

        error = _missing;
        return error is null ? message : null;
    }

    private UpbitMessage? BuildData(string? type)
    {
        switch (type)
        {
            case WireNames.Ticker: return BuildTicker();
            case WireNames.Trade: return BuildTrade();
            case WireNames.Orderbook: return BuildOrderbook();
            case WireNames.MyOrder: return BuildMyOrder();
            case WireNames.MyAsset: return BuildMyAsset();
            case WireNames.Announcement: return BuildAnnouncement();
            case null:
                _missing = "'type' is null";
                return null;
            default:
                // NB: a type Upbit adds later must not break the feed; it surfaces as UnknownMessage and is counted.
                return WireNames.TryParseCandleType(type, out var interval) ? BuildCandle(interval) : new UnknownMessage { Type = type };
        }
    }

    private void Missing(FieldId slot)
    {
        if (_missing is null)
        {
            var field = WireNames.Field(slot);
            _missing = Has(slot)
                ? $"'{field.Default}' ('{field.Simple}') is null but is required"
                : $"'{field.Default}' ('{field.Simple}') is missing but is required";
        }
    }

    private decimal Number(FieldId slot)
    {
        if (HasValue(slot))
        {
            return _decimals[(int)slot];
        }

        Missing(slot);
        return 0m;
    }

    private decimal? OptionalNumber(FieldId slot) => HasValue(slot) ? _decimals[(int)slot] : null;

    private long Integer(FieldId slot)
    {
        if (HasValue(slot))
        {
            return _longs[(int)slot];
        }

        Missing(slot);
        return 0;
    }

    private long? OptionalInteger(FieldId slot) => HasValue(slot) ? _longs[(int)slot] : null;

    private bool? OptionalBoolean(FieldId slot) => HasValue(slot) ? _bools[(int)slot] : null;

    private string Text(FieldId slot)
    {
        if (HasValue(slot))
        {
            return _strings[(int)slot]!;
        }

        Missing(slot);
        return string.Empty;
    }

    private string? OptionalText(FieldId slot) => HasValue(slot) ? _strings[(int)slot] : null;

    /// <summary>A required enum: missing or null is an error; unknown text becomes <c>Unknown</c>.</summary>
    private T Choice<T>(FieldId slot, Func<string?, T> parse) => parse(Text(slot));

    private T? OptionalChoice<T>(FieldId slot, Func<string?, T> parse)
        where T : struct => HasValue(slot) ? parse(_strings[(int)slot]) : null;

    private StreamType StreamTypeOrUnknown() => WireEnums.ParseStreamType(OptionalText(FieldId.StreamType));

    private T[] List<T>(FieldId slot)
    {
        if (HasValue(slot))
        {
            return (T[])_lists[(int)slot]!;
        }

        Missing(slot);
        return [];
    }
}
