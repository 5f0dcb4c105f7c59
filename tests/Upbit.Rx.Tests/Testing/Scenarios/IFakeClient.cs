namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>A bare client connection: sends text frames, records every frame it receives and how it ended.</summary>
public interface IFakeClient : IAsyncDisposable
{
    /// <summary>Every frame received so far.</summary>
    IReadOnlyList<ReceivedFrame> Frames { get; }

    Task SendAsync(string text);

    /// <summary>Waits (bounded) until <paramref name="count"/> frames in total have arrived; returns all of them.</summary>
    Task<IReadOnlyList<ReceivedFrame>> ReceiveAsync(int count);

    /// <summary>Waits (bounded) until the connection ends.</summary>
    Task<ClientEnd> EndAsync();
}
