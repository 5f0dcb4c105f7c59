using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>
/// Starts a child with SIGHUP at its default disposition. A process started under <c>nohup</c> (or by a runner that
/// ignores SIGHUP) passes the ignore on to every child, and .NET respects an inherited ignore: the child's
/// <c>PosixSignalRegistration</c> for SIGHUP then installs nothing and <c>kill -HUP</c> does nothing. A test of what a
/// hang-up does must therefore give its child the disposition a terminal-started process has.
/// </summary>
internal static class HangUpDisposition
{
    private const int SigHup = 1; // the same number on Linux and macOS
    private const int ActionBytes = 256; // larger than struct sigaction on glibc, musl and macOS; sa_handler comes first on all
    private static readonly Lock Gate = new();

    /// <summary>Whether this process ignores SIGHUP (so children would inherit the ignore).</summary>
    public static bool IsIgnored()
    {
        var old = Marshal.AllocHGlobal(ActionBytes);
        try
        {
            Query(old);
            return Marshal.ReadIntPtr(old) == 1; // SIG_IGN
        }
        finally
        {
            Marshal.FreeHGlobal(old);
        }
    }

    /// <summary>Starts <paramref name="start"/> with SIGHUP at its default disposition; this process's own disposition is
    /// put back before returning.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        lock (Gate)
        {
            if (!IsIgnored())
            {
                return Process.Start(start)!;
            }

            var old = Marshal.AllocHGlobal(ActionBytes);
            var fallback = Marshal.AllocHGlobal(ActionBytes);
            try
            {
                // NB: a zeroed struct sigaction is SIG_DFL with no flags and an empty mask on every platform. The window
                // in which this process itself would die of a hang-up lasts one fork.
                Fill(fallback, 0);
                Set(fallback, old);
                try
                {
                    return Process.Start(start)!;
                }
                finally
                {
                    Set(old, 0);
                }
            }
            finally
            {
                Marshal.FreeHGlobal(fallback);
                Marshal.FreeHGlobal(old);
            }
        }
    }

    /// <summary>Makes this process ignore SIGHUP, as <c>nohup</c> does, until the result is disposed (which puts the
    /// previous disposition back).</summary>
    public static IDisposable IgnoreForTest()
    {
        var ignore = Marshal.AllocHGlobal(ActionBytes);
        var old = Marshal.AllocHGlobal(ActionBytes);
        try
        {
            Fill(ignore, 0);
            Marshal.WriteIntPtr(ignore, 1); // SIG_IGN
            Set(ignore, old);
        }
        catch
        {
            Marshal.FreeHGlobal(old);
            throw;
        }
        finally
        {
            Marshal.FreeHGlobal(ignore);
        }

        return System.Reactive.Disposables.Disposable.Create(() =>
        {
            Set(old, 0);
            Marshal.FreeHGlobal(old);
        });
    }

    private static void Query(nint old) => Set(0, old);

    private static void Set(nint action, nint old)
    {
        if (Sigaction()(SigHup, action, old) != 0)
        {
            throw new InvalidOperationException($"sigaction(SIGHUP) failed: errno {Marshal.GetLastSystemError()}");
        }
    }

    private static void Fill(nint buffer, byte value)
    {
        for (var i = 0; i < ActionBytes; i++)
        {
            Marshal.WriteByte(buffer, i, value);
        }
    }

    private static SigactionFunction Sigaction() =>
        Marshal.GetDelegateForFunctionPointer<SigactionFunction>(NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "sigaction"));
}
