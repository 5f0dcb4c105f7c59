namespace Upbit.Rx.Testing;

/// <summary>One text frame a client sent to the fake exchange, as received (valid or not, <c>PING</c> included).</summary>
/// <param name="Ticks">Scheduler time of arrival in ticks (<c>IScheduler.Now.UtcTicks</c>; on a <c>TestScheduler</c>
/// this is its virtual clock, as in <c>Recorded&lt;T&gt;.Time</c>).</param>
/// <param name="ConnectionId">The <see cref="ConnectionRecord.Id"/> of the connection it arrived on.</param>
/// <param name="Text">The frame's text, exactly as sent.</param>
public sealed record ReceivedRequest(long Ticks, int ConnectionId, string Text);
