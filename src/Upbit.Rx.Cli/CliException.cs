namespace Upbit.Rx.Cli;

/// <summary>A failure the CLI reports as one line on standard error and turns into <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException File(string path, string problem, Exception? innerException = null) =>
        new(ExitCodes.FileProblem, $"{path}: {problem}", innerException);
}
