namespace Upbit.Rx.Cli.Views;

/// <summary>Turns exceptions into the one-line messages the CLI prints.</summary>
internal static class Messages
{
    /// <summary>The argument error without .NET's "(Parameter 'x')" suffix, which names a C# parameter the user never saw.</summary>
    public static string OneLine(ArgumentException error)
    {
        var message = error.Message;
        var suffix = $" (Parameter '{error.ParamName}')";
        var cut = error.ParamName is null ? -1 : message.IndexOf(suffix, StringComparison.Ordinal);
        return (cut < 0 ? message : message.Remove(cut, suffix.Length)).ReplaceLineEndings(" ").Trim();
    }
}
