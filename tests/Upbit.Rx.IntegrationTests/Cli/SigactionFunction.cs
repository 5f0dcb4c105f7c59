using System.Runtime.InteropServices;

namespace Upbit.Rx.IntegrationTests.Cli;

/// <summary>libc's <c>int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)</c>, called through
/// the address the process already has loaded (no library name to guess per platform).</summary>
[UnmanagedFunctionPointer(CallingConvention.Cdecl)]
internal delegate int SigactionFunction(int signal, nint action, nint oldAction);
