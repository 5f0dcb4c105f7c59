using NUnit.Framework;
using System.Text;
using Upbit.Rx.Tests.Testing.Scenarios;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Testing;

/// <summary>A client on the in-memory transport, recording what the seam delivers.</summary>
internal sealed class VirtualClient(VirtualHost host) : IFakeClient, IObserver<TransportEvent>
{
    private readonly List<ReceivedFrame> _frames = [];
    private IDisposable? _subscription;
    private ClientEnd? _end;

    public UpbitTransportChannel? Channel { get; private set; }

    public Exception? Failure { get; private set; }

    public IReadOnlyList<ReceivedFrame> Frames => [.. _frames];

    public void Attach(IObservable<TransportEvent> connection) => _subscription = connection.Subscribe(this);

    public Task SendAsync(string text)
    {
        Channel!.Send(text);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedFrame>> ReceiveAsync(int count)
    {
        host.Until(() => _frames.Count >= count || _end is not null);
        Assert.That(_frames, Has.Count.GreaterThanOrEqualTo(count), "frames received");
        return Task.FromResult<IReadOnlyList<ReceivedFrame>>(_frames.Take(count).ToList());
    }

    public Task<ClientEnd> EndAsync()
    {
        host.Until(() => _end is not null);
        Assert.That(_end, Is.Not.Null, "the connection did not end");
        return Task.FromResult(_end!);
    }

    public void OnNext(TransportEvent value)
    {
        switch (value.Kind)
        {
            case TransportEventKind.Opened: Channel = value.Channel; break;
            case TransportEventKind.Frame: _frames.Add(new ReceivedFrame(value.IsText, Encoding.UTF8.GetString(value.Payload.Span))); break;
            case TransportEventKind.Closed: _end = ClientEnd.Closed(value.CloseStatus); break;
        }
    }

    public void OnError(Exception error)
    {
        Failure = error;
        _end = ClientEnd.Dropped;
    }

    public void OnCompleted()
    {
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }
}
