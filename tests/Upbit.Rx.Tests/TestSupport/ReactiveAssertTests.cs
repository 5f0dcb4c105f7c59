using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.TestSupport;

public sealed class ReactiveAssertTests
{
    [Test]
    public void AreElementsEqual_Different_ThrowsWithBothSequences()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ReactiveAssert.AreElementsEqual(new[] { 1, 2 }, new[] { 1, 3 }));

        Assert.That(ex!.Message, Is.EqualTo($"Expected: [1, 2]{Environment.NewLine}Actual:   [1, 3]"));
    }

    [Test]
    public void AreElementsEqual_Same_DoesNotThrow()
    {
        Assert.DoesNotThrow(() => ReactiveAssert.AreElementsEqual(new[] { 1, 2 }, new[] { 1, 2 }));
    }

    [Test]
    public void Throws_WrongOrNoException_Fails()
    {
        Assert.DoesNotThrow(() => ReactiveAssert.Throws<ArgumentException>(() => throw new ArgumentException("x")));
        Assert.Throws<InvalidOperationException>(() => ReactiveAssert.Throws<ArgumentException>(() => throw new FormatException()));
        Assert.Throws<InvalidOperationException>(() => ReactiveAssert.Throws<ArgumentException>(() => { }));
    }

    [Test]
    public void Throws_Subtype_Accepted()
    {
        Assert.DoesNotThrow(() => ReactiveAssert.Throws<ArgumentException>(() => throw new ArgumentNullException("x")));
    }

    [Test]
    public void Throws_Instance_OnlyThatInstanceMatches()
    {
        var expected = new FormatException("bad");

        Assert.DoesNotThrow(() => ReactiveAssert.Throws(expected, () => throw expected));
        Assert.Throws<InvalidOperationException>(() => ReactiveAssert.Throws(expected, () => throw new FormatException("bad")));
    }

    [Test]
    public void AssertEqual_Observables_ComparesNotifications()
    {
        Assert.DoesNotThrow(() => new[] { 1, 2 }.ToObservable().AssertEqual(new[] { 1, 2 }.ToObservable()));
        Assert.Throws<InvalidOperationException>(() => new[] { 1, 2 }.ToObservable().AssertEqual(new[] { 1 }.ToObservable()));
    }
}
