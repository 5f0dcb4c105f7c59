namespace Upbit.Rx.Gateway.Upstream;

/// <summary>
/// An upstream stream that ended for good: <paramref name="Error"/> is what the client failed it with, or
/// <see langword="null"/> when it completed (the client was disposed). <paramref name="Holding"/> identifies the
/// downstream holds it ends; a later hold of the same key opens a new upstream stream.
/// </summary>
internal sealed record UpstreamFailure(UpstreamKey Key, Holding Holding, Exception? Error);
