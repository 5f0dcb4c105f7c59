using System.Buffers;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <summary>
/// One frame in a <see cref="FramePipeline"/>: a pooled copy of its bytes until it is decoded, then its messages or
/// its decoding error. Reused: the pipeline keeps a few and hands them out again once delivered.
/// </summary>
internal sealed class PipelinedFrame
{
    private byte[]? _bytes;
    private int _length;
    private int _done;

    /// <summary>The frame behind this one in its pipeline's line; written by the posting thread only.</summary>
    public PipelinedFrame? Next;

    /// <summary>The decoded messages; valid from decoding until the frame is recycled.</summary>
    public List<UpbitMessage> Messages { get; } = [];

    /// <summary>Why the frame did not decode; <see langword="null"/> when it did.</summary>
    public string? Error { get; private set; }

    /// <summary>The frame's size in bytes.</summary>
    public int Length { get; private set; }

    /// <summary>Whether decoding has finished (on any thread); read with acquire semantics.</summary>
    public bool IsDone => Volatile.Read(ref _done) != 0;

    /// <summary>Copies the frame into a pooled buffer, for a worker to decode later.</summary>
    public void Hold(ReadOnlySpan<byte> payload)
    {
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(payload.Length, 1));
        payload.CopyTo(_bytes);
        Length = _length = payload.Length;
    }

    /// <summary>Decodes the held copy and releases it; then <see cref="IsDone"/> (release semantics).</summary>
    public void DecodeHeld(FrameDecoder decoder, bool skip)
    {
        try
        {
            if (!skip)
            {
                Decode(decoder, _bytes.AsSpan(0, _length));
            }
        }
        finally
        {
            // NB: done even when decoding threw, so the frames behind it are not held up for good.
            Release();
            Volatile.Write(ref _done, 1);
        }
    }

    /// <summary>Decodes <paramref name="payload"/> directly (no copy); then <see cref="IsDone"/>.</summary>
    public void DecodeNow(FrameDecoder decoder, ReadOnlySpan<byte> payload)
    {
        Length = payload.Length;
        Decode(decoder, payload);
        Volatile.Write(ref _done, 1);
    }

    /// <summary>Forgets the messages and error so the frame can be used again.</summary>
    public void Reset()
    {
        Release();
        Messages.Clear();
        Error = null;
        Length = 0;
        Volatile.Write(ref _done, 0);
    }

    private void Decode(FrameDecoder decoder, ReadOnlySpan<byte> payload)
    {
        Messages.Clear();
        Error = decoder.TryDecode(payload, Messages, out var error) ? null : error ?? "malformed frame";
    }

    private void Release()
    {
        if (_bytes is { } bytes)
        {
            _bytes = null;
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
