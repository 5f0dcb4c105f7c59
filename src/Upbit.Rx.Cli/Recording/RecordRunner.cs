using System.Net.WebSockets;
using System.Reactive.Linq;
using Upbit.Rx.Cli.Commands;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Watching;

namespace Upbit.Rx.Cli.Recording;

/// <summary>Runs <c>record</c>: validates the codes as the client does, opens the feed and the file, records until told to stop.</summary>
internal static class RecordRunner
{
    public static async Task<int> RunAsync(RecordSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        Validate(settings.Codes);
        await using var feed = settings.Simulate
            ? await FeedSource.SimulateAsync(environment, 0, cancellationToken)
            : FeedSource.Remote(settings.Endpoint);
        using var writer = RecordingWriter.Create(settings.Out, settings.Force);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = settings.For is { } duration
            ? Observable.Timer(duration, environment.Scheduler).Subscribe(_ => stop.Cancel())
            : null;
        var request = SubscribeRequest.Build(settings.Streams, settings.Codes, settings.Format, Guid.NewGuid());
        await environment.Error.WriteLineAsync($"upbit-rx: recording {string.Join(',', settings.Streams.Select(s => s.Name))} of {string.Join(' ', settings.Codes)} from {feed.Name} to {settings.Out}");
        try
        {
            await FrameRecorder.RecordAsync(feed.Endpoint, request, writer, environment.Scheduler, stop.Token);
        }
        catch (WebSocketException e)
        {
            throw new CliException(ExitCodes.Unreachable, Reachability.Message(feed, e.Message), e);
        }
        finally
        {
            // NB: a run that recorded nothing (unreachable, stopped at once) leaves no empty file behind.
            writer.DeleteIfEmpty();
        }

        await environment.Error.WriteLineAsync(writer.Count > 0
            ? $"upbit-rx: recorded {writer.Count} frame(s) to {settings.Out}"
            : $"upbit-rx: recorded 0 frames; {settings.Out} was not written");
        return ExitCodes.Ok;
    }

    // NB: the client validates codes at the call, before anything connects; asking it keeps one rule for every command.
    private static void Validate(IReadOnlyList<string> codes)
    {
        using var probe = new UpbitClient();
        try
        {
            _ = probe.Ticker(codes);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, Messages.OneLine(e), e);
        }
    }
}
