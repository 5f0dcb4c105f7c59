using NUnit.Framework;
using Upbit.Rx.Protocol;

namespace Upbit.Rx.Tests.Protocol;

public sealed class CharBufferReaderTests
{
    [Test]
    public void Read_AfterReset_OnlyTheGivenLengthInChunks()
    {
        using var reader = new CharBufferReader();
        reader.Reset("abcdefXYZ".ToCharArray(), 6);
        var chunk = new char[4];

        var first = reader.Read(chunk, 0, 4);
        var firstText = new string(chunk, 0, first);
        var second = reader.Read(chunk, 1, 3);

        Assert.That((firstText, second, chunk[1], chunk[2], reader.Read(chunk, 0, 4), reader.Peek()), Is.EqualTo(("abcd", 2, 'e', 'f', 0, -1)));
    }

    [Test]
    public void Reset_SecondBuffer_StartsOver()
    {
        using var reader = new CharBufferReader();
        reader.Reset("one".ToCharArray(), 3);
        _ = reader.ReadToEnd();

        reader.Reset("two!".ToCharArray(), 3);

        Assert.That((reader.Peek(), reader.ReadToEnd()), Is.EqualTo(('t', "two")));
    }

    [Test]
    public void Clear_AfterReading_Empty()
    {
        using var reader = new CharBufferReader();
        reader.Reset("abc".ToCharArray(), 3);

        reader.Clear();

        Assert.That(reader.Read(), Is.EqualTo(-1));
    }
}
