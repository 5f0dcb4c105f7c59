using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Spectre.Console;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>A terminal: the <see cref="MarketBoard"/> and <see cref="StatusLine"/> redrawn in place a few times a second.</summary>
internal sealed class LiveView : IWatchView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);
    private readonly IAnsiConsole _console;
    private readonly IScheduler _scheduler;
    private readonly MarketBoard _board = new();
    private readonly StatusLine _status;

    public LiveView(IAnsiConsole console, IScheduler scheduler, string source)
    {
        _console = console;
        _scheduler = scheduler;
        _status = new StatusLine(scheduler, source);
    }

    public void Show(UpbitMessage message) => _board.Add(message);

    public void Show(ConnectionState state) => _status.Set(state);

    /// <summary>Counts a message for the rate before any throttling thins the stream.</summary>
    public void Count() => _status.Count();

    public Task RunAsync(Task until) =>
        _console.Live(Frame()).AutoClear(false).StartAsync(async context =>
        {
            while (!until.IsCompleted)
            {
                await Task.WhenAny(until, Observable.Timer(Refresh, _scheduler).ToTask());
                context.UpdateTarget(Frame());
                context.Refresh();
            }
        });

    // NB: the profile follows the terminal, so a resized window gets a layout for its new size at the next refresh.
    private Spectre.Console.Rendering.IRenderable Frame()
    {
        var width = _console.Profile.Width;
        return _board.Render(_status.Render(width), width, _console.Profile.Height);
    }
}
