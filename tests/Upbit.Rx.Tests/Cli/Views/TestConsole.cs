using Spectre.Console;
using Spectre.Console.Rendering;

namespace Upbit.Rx.Tests.Cli.Views;

/// <summary>A plain, wide Spectre console writing into a string, for checking what a view renders.</summary>
internal static class TestConsole
{
    public static IAnsiConsole Create(TextWriter writer, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    public static string Render(IRenderable renderable)
    {
        var writer = new StringWriter();
        Create(writer).Write(renderable);
        return writer.ToString();
    }
}
