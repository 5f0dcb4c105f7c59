using System.CommandLine;
using Upbit.Rx.Cli.Listing;

namespace Upbit.Rx.Cli.Commands;

/// <summary><c>markets [--quote KRW] [--warned]</c>: the tradable pairs with their names and warnings, one tab-separated line each.</summary>
internal sealed class MarketsCommand : Command
{
    private readonly Option<string?> _quote = new("--quote") { Description = "Only pairs quoted in this currency, e.g. KRW, BTC or USDT", HelpName = "currency" };
    private readonly Option<bool> _warned = new("--warned") { Description = "Only pairs with an investment warning or caution" };
    private readonly Option<bool> _simulate = CommonOptions.Simulate();
    private readonly Option<Uri?> _endpoint = CommonOptions.Endpoint();

    public MarketsCommand(CliEnvironment environment)
        : base("markets", "List the tradable pairs: code, English name, Korean name, warnings (tab-separated)")
    {
        Add(_quote);
        Add(_warned);
        Add(_simulate);
        Add(_endpoint);
        SetAction((result, token) => MarketsRunner.RunAsync(Bind(result), environment, token));
    }

    /// <exception cref="CliException">The options contradict each other or the currency is malformed (exit code 2).</exception>
    public MarketsSettings Bind(ParseResult result)
    {
        var quote = result.GetValue(_quote)?.Trim().ToUpperInvariant();
        if (quote is not null && (quote.Length == 0 || !quote.All(char.IsAsciiLetterOrDigit)))
        {
            throw CliException.Usage($"'{result.GetValue(_quote)}' is not valid for --quote: expected a currency such as KRW, BTC or USDT");
        }

        var settings = new MarketsSettings
        {
            Quote = quote,
            WarnedOnly = result.GetValue(_warned),
            Simulate = result.GetValue(_simulate),
            Endpoint = result.GetValue(_endpoint),
        };
        return settings.Simulate && settings.Endpoint is not null
            ? throw CliException.Usage("use only one of --simulate and --endpoint")
            : settings;
    }
}
