using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>Where <c>watch</c> shows what arrives: a live screen or plain lines.</summary>
internal interface IWatchView
{
    /// <summary>A message for the view (any thread).</summary>
    void Show(UpbitMessage message);

    /// <summary>A change of the connection (any thread).</summary>
    void Show(ConnectionState state);

    /// <summary>Runs the view until <paramref name="until"/> completes.</summary>
    Task RunAsync(Task until);
}
