using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>Redirected output: one line per message on standard output, connection changes on standard error.</summary>
internal sealed class PlainView : IWatchView
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly object _gate = new();
    private bool _started;

    public PlainView(TextWriter output, TextWriter error)
    {
        _out = output;
        _error = error;
    }

    public void Show(UpbitMessage message)
    {
        if (PlainLines.Format(message) is { } line)
        {
            lock (_gate)
            {
                _out.WriteLine(line);
            }
        }
    }

    public void Show(ConnectionState state)
    {
        lock (_gate)
        {
            // NB: ConnectionStates replays "Disconnected" before anything was subscribed; that line says nothing.
            if (_started || state.Status != ConnectionStatus.Disconnected)
            {
                _started = true;
                _error.WriteLine("upbit-rx: " + state);
            }
        }
    }

    public async Task RunAsync(Task until)
    {
        await until;
        lock (_gate)
        {
            _out.Flush();
        }
    }
}
