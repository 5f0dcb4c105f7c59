using Spectre.Console;
using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Listing;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Cli.Watching;

namespace Upbit.Rx.Cli.History;

/// <summary>
/// Runs <c>candles</c> and <c>trades</c>: checks the code against the market list, pages the range through the REST
/// client (paced like any call), and writes each record as a CSV row (oldest first; Upbit pages newest first, <see cref="ExportFile"/> reverses), with progress.
/// </summary>
internal static class ExportRunner
{
    /// <summary>How much history the simulator has when it starts, so <c>--simulate</c> exports have something to page.</summary>
    public static readonly TimeSpan SimulatedHistory = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(ExportSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var feed = settings.Simulate
            ? await FeedSource.SimulateAsync(environment, 0, cancellationToken, SimulatedHistory)
            : FeedSource.Remote(settings.Endpoint);
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = feed.Endpoint });
        var what = settings.Interval is { } i ? $"{settings.Code} {CandleIntervals.Name(i)} candles" : $"{settings.Code} trades";
        IAsyncEnumerable<string> rows;
        var progress = new ExportProgress(settings, what, environment.Scheduler, environment.Terminal is null ? environment.Error : null);
        var header = settings.Interval is null ? CsvRows.TradeHeader : CsvRows.CandleHeader;
        try
        {
            // NB: built before the file and the network: the REST client checks the code and the range at the call.
            rows = Rows(client, settings, progress, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(Messages.OneLine(e));
        }

        using var file = ExportFile.Create(settings.Out, settings.Force, header);
        var listed = await MarketsRunner.FetchAsync(client, feed, cancellationToken);
        if (!listed.Any(m => m.Code == settings.Code))
        {
            throw CliException.Usage($"'{settings.Code}' is not a listed market code (see 'upbit-rx markets')");
        }

        try
        {
            if (environment.Terminal is { } terminal)
            {
                await terminal.Progress().AutoClear(false).StartAsync(async context =>
                {
                    var bar = context.AddTask(what, maxValue: 100);
                    progress.Bar = p => bar.Value = p;
                    await WriteAsync(rows, file);
                    bar.Value = 100;
                    context.Refresh();
                });

                // NB: the bar redraws on its own clock and a short export may end before it drew; this line always shows.
                terminal.WriteLine($"{what}: {file.Rows} row(s), 100%");
            }
            else
            {
                await WriteAsync(rows, file);
                progress.Finish();
            }
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.Unreachable, Reachability.Message(feed, e.Message), e);
        }
        catch (UpbitException e)
        {
            throw new CliException(ExitCodes.RuntimeFailure, $"{what}: the export stopped after {file.Rows} row(s), {settings.Out} was not written: {e.Message}", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.RuntimeFailure, $"interrupted after {file.Rows} row(s); {settings.Out} was not written");
        }

        await file.CommitAsync();
        await environment.Error.WriteLineAsync($"upbit-rx: wrote {file.Rows} {(settings.Interval is null ? "trade" : "candle")} row(s) of {what} to {settings.Out}");
        return ExitCodes.Ok;
    }

    private static async Task WriteAsync(IAsyncEnumerable<string> rows, ExportFile file)
    {
        await foreach (var row in rows)
        {
            await file.WriteAsync(row);
        }
    }

    private static IAsyncEnumerable<string> Rows(UpbitClient client, ExportSettings settings, IProgress<UpbitPagingProgress> progress, CancellationToken cancellationToken)
    {
        if (settings.Interval is { } interval)
        {
            var name = CandleIntervals.Name(interval);
            return client.Rest.EnumerateCandlesAsync(settings.Code, interval, settings.From, settings.To, progress, cancellationToken)
                .Select(c => CsvRows.Candle(c, name));
        }

        return client.Rest.EnumerateTradesAsync(settings.Code, settings.From, settings.To, progress, cancellationToken).Select(CsvRows.Trade);
    }
}
