namespace Upbit.Rx.Cli;

/// <summary>The process exit codes of <c>upbit-rx</c>; README.md documents the same table.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the command finished, <c>--for</c> elapsed, or the user pressed Ctrl+C.</summary>
    public const int Ok = 0;

    /// <summary>A failure while running: Upbit sent an error frame, a connection closed for good, anything unexpected.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad usage: unknown command or option, a malformed duration, interval, time or pair code, an empty time range, an unlisted code.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached (the message suggests <c>--simulate</c>).</summary>
    public const int Unreachable = 3;

    /// <summary>A file could not be read or written, or is not a recording.</summary>
    public const int FileProblem = 4;
}
