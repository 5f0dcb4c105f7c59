using System.Reactive.Disposables;
using System.Reactive.Linq;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Listing;
using Upbit.Rx.Cli.Recording;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Watching;

/// <summary>Runs <c>watch</c> and <c>replay</c>: opens the feed, subscribes the client, shows what arrives, ends on the first outcome.</summary>
internal static class WatchRunner
{
    private static readonly TimeSpan ViewThrottle = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(WatchSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var recording = settings.ReplayFile is { } file ? RecordingFile.Load(file, settings.SkipBad) : default;
        if (recording.Skipped > 0)
        {
            await environment.Error.WriteLineAsync($"upbit-rx: skipped {recording.Skipped} malformed line(s) of {settings.ReplayFile}");
        }

        await using var feed = recording.Frames is not null ? await FeedSource.ReplayAsync(environment, cancellationToken)
            : settings.Simulate ? await FeedSource.SimulateAsync(environment, 0, cancellationToken)
            : FeedSource.Remote(settings.Endpoint);
        // NB: a recording is its own truth (its codes may be delisted since) and the replay exchange lists no market.
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = feed.Endpoint, Format = settings.Format, ValidateCodes = recording.Frames is null });
        var live = environment.Terminal is { } terminal ? new LiveView(terminal, environment.Scheduler, feed.Name) : null;
        IWatchView view = live is not null ? live : new PlainView(environment.Out, environment.Error);
        var plan = recording.Frames is null ? null : Plan(settings, client, recording.Frames);
        if (plan is null)
        {
            MarketCodesOrUsage(settings.Codes);
            settings = settings with { Codes = await ListedCodes.KeepListedAsync(client, feed, settings.Codes, environment, cancellationToken) };
        }

        var stream = Select(settings, client, plan, live is null ? null : new Thinning(live.Count, environment.Scheduler));
        var outcome = new RunOutcome();
        var reachability = new Reachability(feed, outcome);
        using var running = new CompositeDisposable();
        using (cancellationToken.Register(outcome.Done))
        {
            running.Add(client.ConnectionStates.Where(s => s.Endpoint == "public").Subscribe(s =>
            {
                // NB: a first connect that fails ends the run; announcing a reconnect that will not happen would mislead.
                if (!reachability.Observe(s))
                {
                    view.Show(s);
                }
            }));
            running.Add(stream.Subscribe(view.Show, e => outcome.Fail(ExitCodes.RuntimeFailure, "the stream failed: " + e.Message)));
            if (plan is not null)
            {
                // NB: frames are pushed only after every stream is attached: pushed earlier (the socket opens while the
                // later streams are still subscribing), a frame of a stream not yet attached would have nowhere to go.
                _ = FinishReplayAsync(ReplayFeeder.PlayAsync(feed.Server!, client, plan, settings.Speed, environment.Scheduler, cancellationToken), outcome);
            }

            if (settings.For is { } duration)
            {
                running.Add(Observable.Timer(duration, environment.Scheduler).Subscribe(_ => outcome.Done()));
            }

            await view.RunAsync(outcome.Completion);
        }

        return await outcome.ReportAsync(environment.Error);
    }

    // NB: a malformed code is a usage error before the market list is fetched; the client's own check says what is wrong.
    private static void MarketCodesOrUsage(IReadOnlyList<string> codes)
    {
        using var probe = new UpbitClient(new UpbitClientOptions { ValidateCodes = false });
        try
        {
            _ = probe.Ticker(codes);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, Messages.OneLine(e), e);
        }
    }

    private static ReplayPlan Plan(WatchSettings settings, UpbitClient client, IReadOnlyList<RecordedFrame> recording)
    {
        try
        {
            return RecordingPlan.Create(client, recording, settings.Stream, settings.Codes);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, Messages.OneLine(e), e);
        }
    }

    private static IObservable<UpbitMessage> Select(WatchSettings settings, UpbitClient client, ReplayPlan? plan, Thinning? thinning)
    {
        try
        {
            if (plan is not null)
            {
                return thinning is null ? plan.Messages : plan.Messages.Do(_ => thinning.Count());
            }

            return settings.Stream switch
            {
                WatchStream.Ticker => Thin(client.Ticker(settings.Codes), thinning),
                WatchStream.Trade => thinning is null ? client.Trade(settings.Codes) : client.Trade(settings.Codes).Do(_ => thinning.Count()),
                WatchStream.Orderbook => Thin(client.Orderbook(settings.Units, settings.Level, settings.Codes), thinning),
                _ => Thin(client.Candle(settings.Interval, settings.Codes), thinning),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, Messages.OneLine(e), e);
        }
    }

    // NB: a screen redrawn four times a second needs at most one value per code per redraw; the plain output keeps every update.
    private static IObservable<UpbitMessage> Thin<T>(IObservable<T> source, Thinning? thinning)
        where T : UpbitMessage, IMarketMessage =>
        thinning is null ? source : source.Do(_ => thinning.Count()).ThrottleByCode(ViewThrottle, thinning.Scheduler);

    private static async Task FinishReplayAsync(Task<long> replay, RunOutcome outcome)
    {
        try
        {
            var missing = await replay;
            if (missing == 0)
            {
                outcome.Done();
            }
            else
            {
                outcome.Fail(ExitCodes.RuntimeFailure, $"the replay ended with {missing} frame(s) not delivered (the connection dropped)");
            }
        }
        catch (OperationCanceledException)
        {
            outcome.Done();
        }
    }
}
