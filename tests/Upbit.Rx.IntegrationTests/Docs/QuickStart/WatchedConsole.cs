using System.Text;

namespace Upbit.Rx.IntegrationTests.Docs.QuickStart;

/// <summary>
/// Stands in for the console while the quick start runs: keeps what it prints, and answers each
/// <c>Console.ReadLine()</c> (the user pressing Enter) once the output holds what the README says should be there by then.
/// </summary>
internal sealed class WatchedConsole : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();
    private readonly Queue<Func<string, bool>> _enterWhen;
    private readonly CancellationToken _cancellationToken;

    public WatchedConsole(IEnumerable<Func<string, bool>> enterWhen, CancellationToken cancellationToken)
    {
        _enterWhen = new Queue<Func<string, bool>>(enterWhen);
        _cancellationToken = cancellationToken;
        Input = new EnterKey(this);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The reader to install with <c>Console.SetIn</c>.</summary>
    public TextReader Input { get; }

    /// <summary>What was printed, with the output offset at which each Enter was pressed.</summary>
    public List<int> EnterPressedAt { get; } = [];

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Monitor.PulseAll(_gate);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Monitor.PulseAll(_gate);
        }
    }

    private string? PressEnter()
    {
        using var cancel = _cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        lock (_gate)
        {
            var condition = _enterWhen.Count > 0 ? _enterWhen.Dequeue() : _ => true;
            var from = EnterPressedAt.Count > 0 ? EnterPressedAt[^1] : 0;
            // NB: no clock: this waits for output, woken by every write, and gives up only when the test is cancelled.
            while (!condition(_text.ToString(from, _text.Length - from)))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }

            EnterPressedAt.Add(_text.Length);
            return string.Empty;
        }
    }

    private sealed class EnterKey(WatchedConsole console) : TextReader
    {
        public override string? ReadLine() => console.PressEnter();
    }
}
