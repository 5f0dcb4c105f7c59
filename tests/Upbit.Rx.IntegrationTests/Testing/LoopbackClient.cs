using NUnit.Framework;
using System.Net.WebSockets;
using System.Text;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>A <see cref="ClientWebSocket"/> with a receive loop recording frames and how the connection ended.</summary>
public sealed class LoopbackClient : IFakeClient
{
    private readonly ClientWebSocket _socket;
    private readonly List<ReceivedFrame> _frames = [];
    private readonly TaskCompletionSource<ClientEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _receiving;

    public LoopbackClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public async Task SendAsync(string text)
    {
        using var cancel = new CancellationTokenSource(LoopbackHost.Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancel.Token);
    }

    public async Task<IReadOnlyList<ReceivedFrame>> ReceiveAsync(int count)
    {
        using var cancel = new CancellationTokenSource(LoopbackHost.Patience);
        while (Frames.Count < count && !_end.Task.IsCompleted)
        {
            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var frames = Frames;
        Assert.That(frames, Has.Count.GreaterThanOrEqualTo(count), "frames received");
        return frames.Take(count).ToList();
    }

    public async Task<ClientEnd> EndAsync() => await _end.Task.WaitAsync(LoopbackHost.Patience);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var cancel = new CancellationTokenSource(LoopbackHost.Patience);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }

        await _receiving.WaitAsync(LoopbackHost.Patience).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _arrived.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _end.TrySetResult(ClientEnd.Closed((int)result.CloseStatus!.Value));
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    lock (_frames)
                    {
                        _frames.Add(new ReceivedFrame(result.MessageType == WebSocketMessageType.Text, Encoding.UTF8.GetString(message.ToArray())));
                    }

                    message.SetLength(0);
                    _arrived.Release();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _end.TrySetResult(ClientEnd.Dropped);
        }
        finally
        {
            _arrived.Release();
        }
    }
}
