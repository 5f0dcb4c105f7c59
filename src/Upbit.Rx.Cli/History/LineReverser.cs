namespace Upbit.Rx.Cli.History;

/// <summary>
/// Copies the lines of a file to a stream in reverse order, reading the source backwards in fixed blocks, so memory stays
/// one block however many rows an export has (an export pages newest first; the file is written oldest first).
/// </summary>
internal static class LineReverser
{
    private const int BlockSize = 1 << 16;

    /// <summary>
    /// Writes every <c>\n</c>-terminated line of <paramref name="source"/> to <paramref name="target"/>, last line first,
    /// each with its <c>\n</c>. A final line without one is written as a line too.
    /// </summary>
    public static async Task CopyReversedAsync(Stream source, Stream target, CancellationToken cancellationToken = default)
    {
        var block = new byte[BlockSize];

        // NB: bytes at the head of a block that belong to a line starting in an earlier block wait here for that block.
        var carry = new List<byte>();
        var end = source.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - BlockSize);
            var count = (int)(end - start);
            source.Position = start;
            await source.ReadExactlyAsync(block.AsMemory(0, count), cancellationToken);
            var joined = new byte[count + carry.Count];
            block.AsSpan(0, count).CopyTo(joined);
            carry.CopyTo(joined, count);
            carry.Clear();

            // Lines are the spans between '\n's; the text before the first '\n' is whole only at the file's start.
            var lineEnd = joined.Length;
            if (lineEnd > 0 && joined[lineEnd - 1] == (byte)'\n')
            {
                lineEnd--;
            }

            for (var i = lineEnd - 1; i >= 0; i--)
            {
                if (joined[i] == (byte)'\n')
                {
                    await WriteLineAsync(target, joined.AsMemory(i + 1, lineEnd - i - 1), cancellationToken);
                    lineEnd = i;
                }
            }

            if (start == 0)
            {
                if (lineEnd > 0)
                {
                    await WriteLineAsync(target, joined.AsMemory(0, lineEnd), cancellationToken);
                }
            }
            else
            {
                carry.AddRange(joined.AsSpan(0, lineEnd));
                if (lineEnd < joined.Length)
                {
                    // NB: the '\n' that ended this partial line is kept so the next round sees it as the block's last line end.
                    carry.Add((byte)'\n');
                }
            }

            end = start;
        }
    }

    private static async Task WriteLineAsync(Stream target, ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        await target.WriteAsync(line, cancellationToken);
        target.WriteByte((byte)'\n');
    }
}
