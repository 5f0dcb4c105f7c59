using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>One frame as a client received it.</summary>
public sealed record ReceivedFrame(bool IsText, string Text)
{
    /// <summary>The frame decoded by the library's own decoder (fails the test if it does not decode).</summary>
    public IReadOnlyList<UpbitMessage> Messages
    {
        get
        {
            var result = UpbitDecoder.Decode(Text);
            Assert.That(result.Error, Is.Null, Text);
            return result.Messages;
        }
    }

    public UpbitMessage Message => Messages.Single();
}
