using System.CommandLine;
using System.Globalization;
using System.Net;
using Upbit.Rx.Cli.Parsing;

namespace Upbit.Rx.Cli.Commands;

/// <summary>
/// <c>gateway [--upstream URL | --simulate] [--port N] [--bind ADDR [--allow-remote] [--token T]]</c>: runs an
/// <see cref="Rx.Gateway.UpbitGateway"/> so local clients in any language share one upstream connection; prints the
/// downstream URL and a status line until Ctrl+C or <c>--for</c>.
/// </summary>
internal sealed class GatewayCommand : Command
{
    private readonly Option<Uri?> _upstream = new("--upstream")
    {
        Description = "Upstream WebSocket URL (default wss://api.upbit.com/websocket/v1)",
        HelpName = "ws-url",
        CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : Fail<Uri>(r, $"'{r.Tokens[0].Value}' is not valid for --upstream: expected an absolute ws:// or wss:// URL."),
    };

    private readonly Option<bool> _simulate = CommonOptions.Simulate();
    private readonly Option<int> _port = CommonOptions.Port();

    private readonly Option<IPAddress> _bind = new("--bind")
    {
        Description = "Downstream address to listen on (default 127.0.0.1; any other needs --allow-remote)",
        HelpName = "address",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = r => IPAddress.TryParse(r.Tokens[0].Value, out var address)
            ? address
            : Fail<IPAddress>(r, $"'{r.Tokens[0].Value}' is not valid for --bind: expected an IP address such as 127.0.0.1.") ?? IPAddress.Loopback,
    };

    private readonly Option<bool> _allowRemote = new("--allow-remote")
    {
        Description = "Allow a --bind address other than loopback: anyone who reaches the port is served (use --token)",
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = "Shared token downstream clients must send (Authorization: Bearer T, or ?token=T in the URL)",
        HelpName = "token",
    };

    private readonly Option<TimeSpan?> _statusEvery = new("--status-every")
    {
        Description = "How often to print the status line, e.g. 1s, 10s [default: 10s]",
        HelpName = "duration",
        CustomParser = r => Durations.TryParse(r.Tokens[0].Value, out var d)
            ? d
            : Fail<TimeSpan?>(r, $"'{r.Tokens[0].Value}' is not valid for --status-every: expected a duration such as 1s or 10s."),
    };

    private readonly Option<TimeSpan?> _for = CommonOptions.For();

    public GatewayCommand(CliEnvironment environment)
        : base("gateway", "Share one upstream Upbit connection with many local clients, in any language")
    {
        Add(_upstream);
        Add(_simulate);
        Add(_port);
        Add(_bind);
        Add(_allowRemote);
        Add(_token);
        Add(_statusEvery);
        Add(_for);
        SetAction((result, token) => Cli.Gateway.GatewayRunner.RunAsync(Bind(result), environment, token));
    }

    /// <summary>Reads the settings; contradictions are a <see cref="CliException"/> with <see cref="ExitCodes.Usage"/>.</summary>
    public GatewaySettings Bind(ParseResult result)
    {
        var settings = new GatewaySettings(
            result.GetValue(_upstream),
            result.GetValue(_simulate),
            result.GetValue(_port),
            result.GetValue(_bind)!,
            result.GetValue(_allowRemote),
            result.GetValue(_token),
            result.GetValue(_statusEvery) ?? TimeSpan.FromSeconds(10),
            result.GetValue(_for));
        if (settings.Upstream is not null && settings.Simulate)
        {
            throw new CliException(ExitCodes.Usage, "--upstream and --simulate exclude each other: pick one upstream.");
        }

        if (!IPAddress.IsLoopback(settings.Bind) && !settings.AllowRemote)
        {
            throw new CliException(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture,
                $"--bind {settings.Bind} serves other hosts; add --allow-remote to mean it (and --token to admit only your clients)."));
        }

        if (settings.Token is { Length: 0 } || settings.StatusEvery <= TimeSpan.Zero)
        {
            throw new CliException(ExitCodes.Usage, "--token must not be empty and --status-every must be positive.");
        }

        return settings;
    }

    private static T? Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
