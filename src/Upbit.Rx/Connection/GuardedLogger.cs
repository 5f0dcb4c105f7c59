using Microsoft.Extensions.Logging;

namespace Upbit.Rx.Connection;

/// <summary>
/// The user's <see cref="ILogger"/>, with its exceptions kept out of the client: a logger that throws is user code
/// failing, and the client logs from its receive loop, its timers and decoding workers, where an exception would drop a
/// connection or (on a thread-pool worker) end the process. The first exception is handed to <c>onFirstFault</c>; the
/// logger is still called after it, and its later exceptions are dropped.
/// </summary>
internal sealed class GuardedLogger(ILogger inner, Action<Exception> onFirstFault) : ILogger
{
    private int _faulted;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        try
        {
            return inner.BeginScope(state);
        }
        catch (Exception ex)
        {
            Fault(ex);
            return null;
        }
    }

    public bool IsEnabled(LogLevel logLevel)
    {
        try
        {
            return inner.IsEnabled(logLevel);
        }
        catch (Exception ex)
        {
            Fault(ex);
            return false;
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    private void Fault(Exception ex)
    {
        if (Interlocked.Exchange(ref _faulted, 1) == 0)
        {
            onFirstFault(ex);
        }
    }
}
