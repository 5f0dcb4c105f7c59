using Microsoft.Extensions.Logging;

namespace Upbit.Rx.Tests.Support;

/// <summary>A user's logger that throws on every call it is given, counting them, and its factory.</summary>
internal sealed class ThrowingLogger : ILogger, ILoggerFactory
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => throw Fail();

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => throw Fail();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private InvalidOperationException Fail() => new($"logger broke (call {Interlocked.Increment(ref _calls)})");
}
