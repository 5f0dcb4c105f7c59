using Upbit.Rx.Cli.Feeds;
using Upbit.Rx.Cli.Watching;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Listing;

/// <summary>Runs <c>markets</c>: fetches the market list with its warnings and prints the pairs asked for, one line each.</summary>
internal static class MarketsRunner
{
    public static async Task<int> RunAsync(MarketsSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var feed = settings.Simulate ? await FeedSource.SimulateAsync(environment, 0, cancellationToken) : FeedSource.Remote(settings.Endpoint);
        await using var client = new UpbitClient(new UpbitClientOptions { PublicEndpoint = feed.Endpoint });
        var markets = await FetchAsync(client, feed, cancellationToken);
        if (settings.Quote is { } quote && !markets.Any(m => MarketLines.Quote(m) == quote))
        {
            var quotes = markets.Select(MarketLines.Quote).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw CliException.Usage($"no pair is quoted in '{quote}'; the quote currencies are {string.Join(", ", quotes)}");
        }

        var shown = markets
            .Where(m => settings.Quote is null || MarketLines.Quote(m) == settings.Quote)
            .Where(m => !settings.WarnedOnly || MarketLines.Warnings(m).Count > 0)
            .OrderBy(m => m.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var market in shown)
        {
            await environment.Out.WriteLineAsync(MarketLines.Line(market));
        }

        var warned = shown.Count(m => MarketLines.Warnings(m).Count > 0);
        await environment.Error.WriteLineAsync($"upbit-rx: {shown.Count} of {markets.Count} pair(s) from {feed.Name}, {warned} with warnings");
        return ExitCodes.Ok;
    }

    /// <summary>The list with details, or a one-line failure: exit code 3 when the host cannot be reached, 1 when it answered an error.</summary>
    public static async Task<IReadOnlyList<Market>> FetchAsync(UpbitClient client, FeedSource feed, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetMarketsAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.Unreachable, Reachability.Message(feed, e.Message), e);
        }
        catch (UpbitException e)
        {
            throw new CliException(ExitCodes.RuntimeFailure, "the market list request failed: " + e.Message, e);
        }
    }
}
