using System.CommandLine;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Cli.Watching;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Commands;

/// <summary>
/// <c>watch ticker|trade|orderbook|candle &lt;codes…&gt;</c>: a live view of one stream, from Upbit, the simulator
/// (<c>--simulate</c>), another endpoint (<c>--endpoint</c>) or a recording (<c>--replay</c>).
/// </summary>
internal sealed class WatchCommand : Command
{
    private readonly Option<bool> _simulate = CommonOptions.Simulate();
    private readonly Option<TimeSpan?> _for = CommonOptions.For();
    private readonly Option<Uri?> _endpoint = CommonOptions.Endpoint();
    private readonly Option<WireFormat> _format = CommonOptions.Format();
    private readonly Option<ReplaySpeed> _speed = CommonOptions.Speed();
    private readonly Option<string?> _replay = new("--replay") { Description = "Play this recording (from 'record') instead of connecting", HelpName = "file" };
    private readonly Option<int> _units = CommonOptions.Units();
    private readonly Option<decimal> _level = CommonOptions.Level();
    private readonly Option<CandleInterval?> _interval = CommonOptions.Interval();
    private readonly Option<bool> _skipBad = CommonOptions.SkipBad();
    private static readonly WatchSettings Defaults = new();
    private readonly Dictionary<Command, (WatchStream Stream, Argument<string[]> Codes)> _streams = [];

    public WatchCommand(CliEnvironment environment)
        : base("watch", "Live view of tickers, trades, order books or candles")
    {
        foreach (var option in new Option[] { _simulate, _for, _endpoint, _format, _replay, _speed, _skipBad })
        {
            option.Recursive = true;
            Add(option);
        }

        Add(Stream(WatchStream.Ticker, "ticker", "Refreshing table of prices, change and volume"));
        Add(Stream(WatchStream.Trade, "trade", "Scrolling tape of trades"));
        Add(Stream(WatchStream.Orderbook, "orderbook", "Depth view of order books", _units, _level));
        Add(Stream(WatchStream.Candle, "candle", "Table of the forming candles", _interval));
        SetAction((result, token) => WatchRunner.RunAsync(Bind(result), environment, token));

        Command Stream(WatchStream stream, string name, string description, params Option[] options)
        {
            var command = new Command(name, description);
            var codes = new Argument<string[]>("codes") { Description = "Pair codes such as KRW-BTC (upper case)", Arity = ArgumentArity.ZeroOrMore };
            // NB: codes are free text, so an option this stream does not take would otherwise pass as a code.
            codes.Validators.Add(r =>
            {
                foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')))
                {
                    r.AddError($"'{token.Value}' is not an option of 'watch {name}'.");
                }
            });
            command.Add(codes);
            foreach (var option in options)
            {
                command.Add(option);
            }

            command.SetAction((result, token) => WatchRunner.RunAsync(Bind(result), environment, token));
            _streams[command] = (stream, codes);
            return command;
        }
    }

    /// <summary>Reads the settings of a parse of this command.</summary>
    /// <exception cref="CliException">The options contradict each other or no code was named (exit code 2).</exception>
    public WatchSettings Bind(ParseResult result)
    {
        WatchStream? stream = null;
        string[] codes = [];
        if (_streams.TryGetValue(result.CommandResult.Command, out var entry))
        {
            stream = entry.Stream;
            codes = result.GetValue(entry.Codes) ?? [];
        }

        var settings = new WatchSettings
        {
            Stream = stream,
            Codes = codes,
            Simulate = result.GetValue(_simulate),
            ReplayFile = result.GetValue(_replay),
            Speed = result.GetValue(_speed) ?? ReplaySpeed.Original,
            Endpoint = result.GetValue(_endpoint),
            For = result.GetValue(_for),
            SkipBad = result.GetValue(_skipBad),
            Interval = stream == WatchStream.Candle ? result.GetValue(_interval) ?? Defaults.Interval : Defaults.Interval,
            Units = stream == WatchStream.Orderbook ? result.GetValue(_units) : Defaults.Units,
            Level = stream == WatchStream.Orderbook ? result.GetValue(_level) : Defaults.Level,
            Format = result.GetValue(_format),
        };
        if (new[] { settings.Simulate, settings.ReplayFile is not null, settings.Endpoint is not null }.Count(b => b) > 1)
        {
            throw CliException.Usage("use only one of --simulate, --replay and --endpoint");
        }

        // NB: without a recording these would be silently ignored, so they are usage errors like --units on 'watch ticker'.
        if (settings.ReplayFile is null && result.GetResult(_speed) is { Implicit: false })
        {
            throw CliException.Usage("--speed applies only to --replay (a live feed runs at its own pace)");
        }

        if (settings.ReplayFile is null && settings.SkipBad)
        {
            throw CliException.Usage("--skip-bad applies only to --replay");
        }

        if (settings.ReplayFile is null && stream is null)
        {
            throw CliException.Usage("choose what to watch: watch ticker|trade|orderbook|candle <codes…> (or watch --replay <file>)");
        }

        if (settings.ReplayFile is null && codes.Length == 0)
        {
            throw CliException.Usage("name at least one pair code, e.g. watch ticker KRW-BTC");
        }

        return settings;
    }
}
