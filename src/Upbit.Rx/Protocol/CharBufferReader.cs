namespace Upbit.Rx.Protocol;

/// <summary>
/// A <see cref="TextReader"/> over a borrowed char buffer that can be pointed at the next frame, so the decoder
/// allocates no reader per frame. Not thread-safe; the buffer must stay valid until <see cref="Reset"/> is called again.
/// </summary>
internal sealed class CharBufferReader : TextReader
{
    private char[] _buffer = [];
    private int _length;
    private int _position;

    /// <summary>Reads <paramref name="length"/> chars of <paramref name="buffer"/> from the start.</summary>
    public void Reset(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _position = 0;
    }

    /// <summary>All chars of the current frame, whatever has been read.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    /// <summary>Forgets the buffer so a pooled array is not kept alive.</summary>
    public void Clear() => Reset([], 0);

    /// <inheritdoc/>
    public override int Peek() => _position < _length ? _buffer[_position] : -1;

    /// <inheritdoc/>
    public override int Read() => _position < _length ? _buffer[_position++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _length - _position);
        _buffer.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
