using NUnit.Framework;
using Upbit.Rx.Operators;

namespace Upbit.Rx.Tests.Operators;

public sealed class BufferOverflowExceptionTests
{
    [Test]
    public void Constructor_Capacity_InPropertyAndMessage()
    {
        var exception = new BufferOverflowException(512);

        Assert.That(
            (exception.Capacity, exception.Message),
            Is.EqualTo((512, "The consumer fell behind: the hand-off queue already held its capacity of 512 items when another arrived (OverflowPolicy.Fail).")));
    }
}
