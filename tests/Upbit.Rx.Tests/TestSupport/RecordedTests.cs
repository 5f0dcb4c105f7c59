using System.Globalization;
using System.Reactive;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.TestSupport;

public sealed class RecordedTests
{
    [TestCase(10, 1, 10, 1, true)]
    [TestCase(10, 1, 11, 1, false)]
    [TestCase(10, 1, 10, 2, false)]
    public void Equals_TimeAndValue_ComparedTogether(long t1, int v1, long t2, int v2, bool expected)
    {
        var a = new Recorded<int>(t1, v1);
        var b = new Recorded<int>(t2, v2);

        Assert.That((a.Equals(b), a == b, a != b), Is.EqualTo((expected, expected, !expected)));
    }

    [Test]
    public void ToString_Notification_ValueAtTime()
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var recorded = new Recorded<Notification<int>>(210, Notification.CreateOnNext(42));

        Assert.That(recorded.ToString(), Is.EqualTo("OnNext(42)@210"));
    }
}
