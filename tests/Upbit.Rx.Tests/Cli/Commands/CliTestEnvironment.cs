using Upbit.Rx.Cli;

namespace Upbit.Rx.Tests.Cli.Commands;

/// <summary>A CLI environment writing to string buffers (plain mode: no terminal).</summary>
internal static class CliTestEnvironment
{
    public static CliEnvironment Create() => new() { Out = new StringWriter(), Error = new StringWriter() };

    public static CliApp App() => new(Create());
}
