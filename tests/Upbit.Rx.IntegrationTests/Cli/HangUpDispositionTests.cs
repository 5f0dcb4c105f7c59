using System.Diagnostics;
using NUnit.Framework;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>The signal tests' launcher: a child started from a process that ignores SIGHUP still gets the default.</summary>
[NonParallelizable]
[Platform(Include = "Linux")] // NB: reads the child's disposition from /proc
public sealed class HangUpDispositionTests
{
    private const ulong HangUpBit = 1UL << 0;

    [Test]
    public void Start_ThisProcessIgnoresHangUp_ChildHasTheDefaultAndTheIgnoreStays()
    {
        using (HangUpDisposition.IsIgnored() ? null : HangUpDisposition.IgnoreForTest())
        {
            using var child = HangUpDisposition.Start(new ProcessStartInfo("sleep", ["30"]) { UseShellExecute = false });
            try
            {
                Assert.That(SignalTests.IgnoredSignals(child.Id) & HangUpBit, Is.Zero);
                Assert.That(HangUpDisposition.IsIgnored(), Is.True);
            }
            finally
            {
                child.Kill();
            }
        }
    }

    [Test]
    public void IgnoreForTest_Disposed_PreviousDispositionBack()
    {
        var before = HangUpDisposition.IsIgnored();

        using (HangUpDisposition.IgnoreForTest())
        {
            Assert.That(HangUpDisposition.IsIgnored(), Is.True);
        }

        Assert.That(HangUpDisposition.IsIgnored(), Is.EqualTo(before));
    }
}
