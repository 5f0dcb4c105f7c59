using System.Reactive.Linq;
using Upbit.Rx.Cli.Feeds;

namespace Upbit.Rx.Cli.Listing;

/// <summary>
/// Sorts <c>watch</c>'s codes into listed and unlisted before anything is subscribed: the unlisted ones are named on
/// standard error and left out, and a command whose every code is unlisted is a usage error. When the list cannot be
/// had in time (an <c>--endpoint</c> without the REST market list, a slow network), the codes go unchecked, with a warning.
/// </summary>
internal static class ListedCodes
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>The codes to subscribe, in the order given.</summary>
    /// <exception cref="CliException">Every code is unlisted (exit code 2).</exception>
    public static async Task<IReadOnlyList<string>> KeepListedAsync(
        UpbitClient client, FeedSource feed, IReadOnlyList<string> codes, CliEnvironment environment, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = Observable.Timer(Bound, environment.Scheduler).Subscribe(_ => bounded.Cancel());
        HashSet<string> listed;
        try
        {
            listed = [.. (await client.GetMarketsAsync(bounded.Token)).Select(m => m.Code)];
        }
        catch (Exception e) when (e is HttpRequestException or UpbitException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await environment.Error.WriteLineAsync($"upbit-rx: warning: the market list of {feed.Name} could not be fetched ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ").TrimEnd('.')}); the codes are not checked");
            return codes;
        }

        var unknown = codes.Where(c => !listed.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return codes;
        }

        var named = string.Join(", ", unknown);
        if (unknown.Count == codes.Distinct(StringComparer.Ordinal).Count())
        {
            throw CliException.Usage($"not listed on {feed.Name}: {named} (see 'upbit-rx markets')");
        }

        await environment.Error.WriteLineAsync($"upbit-rx: not listed on {feed.Name}, not shown: {named}");
        return [.. codes.Where(listed.Contains)];
    }
}
