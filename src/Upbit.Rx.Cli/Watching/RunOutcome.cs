namespace Upbit.Rx.Cli.Watching;

/// <summary>How a running command ends: the first of Ctrl+C, <c>--for</c>, the end of a replay, or a failure wins.</summary>
internal sealed class RunOutcome
{
    private readonly TaskCompletionSource<(int Code, string? Message)> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the outcome is known.</summary>
    public Task Completion => _result.Task;

    public void Done() => _result.TrySetResult((ExitCodes.Ok, null));

    public void Fail(int exitCode, string message) => _result.TrySetResult((exitCode, message));

    /// <summary>Writes the failure message (if any) to <paramref name="error"/> and returns the exit code.</summary>
    public async Task<int> ReportAsync(TextWriter error)
    {
        var (code, message) = await _result.Task;
        if (message is not null)
        {
            await error.WriteLineAsync("upbit-rx: " + message);
        }

        return code;
    }
}
