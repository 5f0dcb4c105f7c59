namespace Upbit.Rx.Testing;

/// <summary>One REST request the fake exchange received (either host), with how it was answered.</summary>
/// <param name="Ticks">Scheduler time of arrival in ticks (<c>IScheduler.Now.UtcTicks</c>, as <see cref="ReceivedRequest.Ticks"/>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and raw query, e.g. <c>/v1/ticker?markets=KRW-BTC</c>.</param>
/// <param name="Group">The rate-limit group it counted against (<c>market</c>, <c>ticker</c>, <c>orderbook</c>,
/// <c>crix-trades</c>, <c>candles</c>, <c>origin</c>), or <see langword="null"/> when it was not counted (an unknown
/// path, an injected fault).</param>
/// <param name="Status">The status sent, or 0 when the connection was refused (<see cref="RestFaultKind.Refuse"/>).</param>
public sealed record RestRequestRecord(long Ticks, string Method, string PathAndQuery, string? Group, int Status);
