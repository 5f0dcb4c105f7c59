namespace Upbit.Rx.Cli.Recording;

/// <summary>One line of a recording: a frame's text and when it was received.</summary>
/// <param name="Time">Receive time in Unix milliseconds (<c>t</c>).</param>
/// <param name="Frame">The frame's UTF-8 JSON text exactly as received (<c>frame</c>).</param>
internal sealed record RecordedFrame(long Time, string Frame);
