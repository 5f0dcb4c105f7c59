using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Commands;

/// <summary>Builds the options several commands share, each with a parser that names what it accepts.</summary>
internal static class CommonOptions
{
    private static readonly int[] Depths = [1, 5, 15, 30];

    public static Option<TimeSpan?> For() => new("--for")
    {
        Description = "Stop after this long, e.g. 10s, 2m, 1h (default: until Ctrl+C)",
        HelpName = "duration",
        CustomParser = r => Parse(r, Durations.TryParse, "a duration such as 10s, 2m, 500ms or 1h", out TimeSpan d) ? d : null,
    };

    public static Option<bool> Simulate() => new("--simulate")
    {
        Description = "Use the built-in fake exchange and market simulator on 127.0.0.1 (no network)",
    };

    public static Option<Uri?> Endpoint() => new("--endpoint")
    {
        Description = "Connect to this WebSocket URL instead of wss://api.upbit.com/websocket/v1",
        HelpName = "ws-url",
        CustomParser = r => Parse(r, TryParseWebSocketUri, "an absolute ws:// or wss:// URL", out Uri? uri) ? uri : null,
    };

    public static Option<WireFormat> Format() => new("--format")
    {
        Description = "Message format asked of the server: default (the default) or simple",
        HelpName = "default|simple",
        CustomParser = r => Parse(r, TryParseFormat, "default or simple", out WireFormat f) ? f : WireFormat.Default,
    };

    public static Option<bool> SkipBad() => new("--skip-bad")
    {
        Description = "Skip malformed lines of the recording (such as a line cut short) and say how many",
    };

    public static Option<ReplaySpeed> Speed() => new("--speed")
    {
        Description = "Replay pace: a factor of the recorded pace, e.g. 1 (as recorded), 10 or 0.5, or max (no gaps)",
        HelpName = "factor|max",
        DefaultValueFactory = _ => ReplaySpeed.Original,
        CustomParser = r => Parse(r, ReplaySpeed.TryParse, "1, 10, max or another positive factor", out ReplaySpeed? s) ? s! : ReplaySpeed.Original,
    };

    // NB: no DefaultValueFactory: help would print the enum name (OneMinute); the description names the default as typed.
    public static Option<CandleInterval?> Interval() => new("--interval")
    {
        Description = "Candle period: " + string.Join(", ", CandleIntervals.All) + " [default: 1m]",
        HelpName = "1s|1m|…|240m",
        CustomParser = r => Parse(r, CandleIntervals.TryParse, "one of " + string.Join(", ", CandleIntervals.All), out CandleInterval i) ? i : null,
    };

    public static Option<int> Units() => new("--units")
    {
        Description = "Order book levels: 1, 5, 15 or 30",
        DefaultValueFactory = _ => 30,
        CustomParser = r => Parse(r, TryParseUnits, "1, 5, 15 or 30", out int u) ? u : 30,
    };

    public static Option<decimal> Level() => new("--level")
    {
        Description = "Order book price grouping in quote currency (KRW pairs; 0 = tick size)",
        DefaultValueFactory = _ => 0m,
        CustomParser = r => Parse(r, TryParseLevel, "a price unit of 0 or more, e.g. 10000", out decimal l) ? l : 0m,
    };

    public static Option<int> Port() => new("--port")
    {
        Description = "TCP port on 127.0.0.1 (0 picks a free one)",
        DefaultValueFactory = _ => 0,
        CustomParser = r => Parse(r, TryParsePort, "a port from 0 to 65535", out int p) ? p : 0,
    };

    private delegate bool TryParser<T>(string? text, out T value);

    private static bool Parse<T>(ArgumentResult result, TryParser<T> parse, string expected, out T value)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (parse(text, out value))
        {
            return true;
        }

        result.AddError($"'{text}' is not valid for {(result.Parent is OptionResult o ? o.Option.Name : "the value")}: expected {expected}.");
        return false;
    }

    private static bool TryParseWebSocketUri(string? text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && uri.Scheme is "ws" or "wss";

    private static bool TryParseFormat(string? text, out WireFormat format)
    {
        format = text switch
        {
            "default" or "DEFAULT" => WireFormat.Default,
            "simple" or "SIMPLE" => WireFormat.Simple,
            _ => (WireFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    private static bool TryParseUnits(string? text, out int units) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out units) && Depths.Contains(units);

    private static bool TryParseLevel(string? text, out decimal level) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out level);

    private static bool TryParsePort(string? text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
