using System.Text.Json;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>
/// Turns one client text frame into a <see cref="ParseResult"/> the way Upbit judges it (protocol reference §2, §5.1):
/// <c>PING</c> is the keep-alive; anything else must be a JSON array of objects holding a ticket, data type objects
/// (or a LIST_SUBSCRIPTIONS method object) and an optional format object.
/// </summary>
internal sealed class RequestParser(ErrorCatalog errors, bool isPrivateEndpoint)
{
    private static readonly HashSet<string> s_categories =
        ["notice", "trade", "wallet", "maintenance", "digital_asset", "nft", "service", "event"];

    public ParseResult Parse(string text)
    {
        if (text == "PING")
        {
            return ParseResult.Ping;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return ParseResult.Fail(errors.Format());
        }

        using (document)
        {
            return ParseArray(document.RootElement);
        }
    }

    private ParseResult ParseArray(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            return ParseResult.Fail(errors.Format());
        }

        string? ticket = null;
        WireFormat? format = null;
        var isList = false;
        ServerError? firstError = null;
        var types = new List<TypeSubscription>();
        foreach (var item in root.EnumerateArray())
        {
            var known = false;
            if (item.TryGetProperty("ticket", out var ticketValue))
            {
                known = true;
                ticket = ticketValue.ValueKind == JsonValueKind.String ? ticketValue.GetString() : ticketValue.GetRawText();
            }

            if (item.TryGetProperty("format", out var formatValue))
            {
                known = true;
                format = ParseFormat(formatValue);
                firstError ??= format is null ? errors.Format() : null;
            }

            if (item.TryGetProperty("method", out var method))
            {
                known = true;
                isList = method.ValueKind == JsonValueKind.String && method.GetString() == "LIST_SUBSCRIPTIONS";
                firstError ??= isList ? null : errors.Format();
            }

            if (item.TryGetProperty("type", out var type))
            {
                known = true;
                var (subscription, error) = TypeObjectParser.Parse(type, item, errors, isPrivateEndpoint, s_categories);
                firstError ??= error;
                if (subscription is not null)
                {
                    types.Add(subscription);
                }
            }

            if (!known)
            {
                firstError ??= errors.Type();
            }
        }

        if (string.IsNullOrEmpty(ticket))
        {
            return ParseResult.Fail(errors.Ticket());
        }

        if (firstError is not null)
        {
            return ParseResult.Fail(firstError);
        }

        if (!isList && types.Count == 0)
        {
            return ParseResult.Fail(errors.Type());
        }

        return ParseResult.Of(new ClientRequest(ticket, format, isList, isList ? [] : types));
    }

    private static WireFormat? ParseFormat(JsonElement value) =>
        value.ValueKind != JsonValueKind.String ? null : value.GetString() switch
        {
            "DEFAULT" => WireFormat.Default,
            "SIMPLE" => WireFormat.Simple,
            "JSON_LIST" => WireFormat.JsonList,
            "SIMPLE_LIST" => WireFormat.SimpleList,
            _ => null,
        };
}
