namespace Upbit.Rx;

/// <summary>A problem the client handled without stopping, reported on <see cref="UpbitClient.Errors"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Endpoint">Which connection: <c>public</c> or <c>private</c>.</param>
/// <param name="Message">A description for logs (never contains secrets).</param>
/// <param name="Exception">The exception behind it, when there is one.</param>
public sealed record UpbitError(UpbitErrorKind Kind, string Endpoint, string Message, Exception? Exception = null);
