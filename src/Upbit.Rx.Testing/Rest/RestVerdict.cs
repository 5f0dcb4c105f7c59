namespace Upbit.Rx.Testing.Rest;

/// <summary>The limiter's answer: 200 (go on), 429 (over the limit) or 418 (blocked for <see cref="BlockedFor"/>),
/// with the group and the requests left in its current second.</summary>
internal readonly record struct RestVerdict(int Status, string Group, int Remaining, TimeSpan BlockedFor);
