using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <summary>
/// The outcome of decoding one frame with <see cref="UpbitDecoder"/>: either the messages it held or an error
/// saying what was wrong and where. A frame decodes completely or not at all.
/// </summary>
public sealed class UpbitDecodeResult
{
    private UpbitDecodeResult(IReadOnlyList<UpbitMessage> messages, string? error)
    {
        Messages = messages;
        Error = error;
    }

    /// <summary>
    /// The messages in frame order: one for an object root, one per element for an array root (<c>JSON_LIST</c>,
    /// <c>SIMPLE_LIST</c>; an empty array gives none). Empty when <see cref="IsSuccess"/> is false.
    /// </summary>
    public IReadOnlyList<UpbitMessage> Messages { get; }

    /// <summary>What was wrong with the frame and where (JSON path, line, position); <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>Whether the frame decoded.</summary>
    public bool IsSuccess => Error is null;

    internal static UpbitDecodeResult Success(IReadOnlyList<UpbitMessage> messages) => new(messages, null);

    internal static UpbitDecodeResult Failure(string error) => new([], error);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"{Messages.Count} message(s)" : "Error: " + Error;
}
