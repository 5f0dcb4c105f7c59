namespace Upbit.Rx;

/// <summary>How far a paged history call has got, reported after each page.</summary>
/// <param name="Pages">Pages fetched so far.</param>
/// <param name="Items">Items yielded so far (those inside the requested range).</param>
/// <param name="ReachedBack">The oldest time the pages have reached; the call ends when it passes the range start.</param>
public sealed record UpbitPagingProgress(int Pages, int Items, DateTimeOffset? ReachedBack);
