using NUnit.Framework;
using Upbit.Rx.Cli.Views;

namespace Upbit.Rx.Tests.Cli.Views;

public sealed class MessagesTests
{
    [Test]
    public void OneLine_ArgumentException_DropsTheParameterSuffix()
    {
        Assert.That(Messages.OneLine(new ArgumentException("Market code \"x\" is malformed.", "codes")), Is.EqualTo("Market code \"x\" is malformed."));
    }

    [Test]
    public void OneLine_OutOfRange_KeepsTheActualValue()
    {
        var error = new ArgumentOutOfRangeException("units", 7, "Upbit serves order books of 1, 5, 15 or 30 units.");

        Assert.That(Messages.OneLine(error), Is.EqualTo("Upbit serves order books of 1, 5, 15 or 30 units. Actual value was 7."));
    }
}
