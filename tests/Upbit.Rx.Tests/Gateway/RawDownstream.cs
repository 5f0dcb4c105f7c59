using Upbit.Rx.Streams;
using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Gateway;

/// <summary>
/// A downstream client written the way many Upbit clients are, over any <see cref="UpbitTransport"/>: it sends whatever
/// text it is told to (a growing union, one socket per subscribe call, garbage) and records every message, error frame
/// and close it gets back.
/// </summary>
internal sealed class RawDownstream : IDisposable
{
    private readonly IDisposable _connection;
    private UpbitTransportChannel? _channel;

    public RawDownstream(UpbitTransport transport, string path = "/websocket/v1")
    {
        var request = new TransportRequest(new Uri("wss://gateway.invalid" + path), [], false, 1 << 20);
        _connection = transport.Connect(request).Subscribe(OnEvent, _ => Closed = 1006);
    }

    public List<UpbitMessage> Messages { get; } = [];

    public int? Closed { get; private set; }

    public bool IsOpen => _channel is not null && Closed is null;

    public IEnumerable<ServerError> Errors => Messages.OfType<ServerError>();

    public IEnumerable<T> Of<T>(string code)
        where T : IMarketMessage => Messages.OfType<T>().Where(m => m.Code == code);

    public void Send(string text) => (_channel ?? throw new InvalidOperationException("Not open yet.")).Send(text);

    public void Dispose() => _connection.Dispose();

    private void OnEvent(TransportEvent e)
    {
        switch (e.Kind)
        {
            case TransportEventKind.Opened:
                _channel = e.Channel;
                break;
            case TransportEventKind.Frame:
                Messages.AddRange(UpbitDecoder.Decode(e.Payload.Span).Messages);
                break;
            default:
                Closed = e.CloseStatus;
                break;
        }
    }
}
