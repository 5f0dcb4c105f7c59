using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

internal sealed partial class ConnectionSupervisor
{
    private void OnEvent(long generation, ReceiveContext context, TransportEvent e)
    {
        switch (e.Kind)
        {
            case TransportEventKind.Opened:
                OnOpened(generation, e.Channel!);
                break;
            case TransportEventKind.Frame:
                OnFrame(generation, context, e.Payload);
                break;
            case TransportEventKind.Closed:
                OnDropped(generation, $"closed by the server ({e.CloseStatus}{(string.IsNullOrEmpty(e.CloseReason) ? string.Empty : ": " + e.CloseReason)})", null);
                break;
        }
    }

    /// <summary>
    /// Decodes and routes one frame. NB: runs outside the gate on the transport's thread; frames of one
    /// connection arrive serially, so the per-connection decoder and scratch list need no lock.
    /// </summary>
    private void OnFrame(long generation, ReceiveContext context, ReadOnlyMemory<byte> payload)
    {
        if (Volatile.Read(ref _generation) != generation)
        {
            return;
        }

        MarkTraffic(received: true);
        _signals.FrameReceived(payload.Length);
        var decoded = context.Decoded;
        decoded.Clear();
        if (!context.Decoder.TryDecode(payload.Span, decoded, out var error))
        {
            _signals.Error(new UpbitError(UpbitErrorKind.MalformedFrame, _name, $"skipped a malformed frame of {payload.Length} bytes: {error}"));
            return;
        }

        foreach (var message in decoded)
        {
            switch (message)
            {
                case ServerError serverError:
                    OnServerError(serverError);
                    break;
                case ServerStatus or SubscriptionList or UnknownMessage:
                    break;
                default:
                    Confirm(message);
                    _signals.MessageRouted();
                    Route(message);
                    break;
            }
        }
    }

    /// <summary>Remembers that a wire key has delivered data on this connection, so resends ask for realtime only.</summary>
    private void Confirm(UpbitMessage message)
    {
        StreamKey? key = message switch
        {
            Ticker t => StreamKey.Ticker(t.Code),
            Trade t => StreamKey.Trade(t.Code),
            Orderbook o => StreamKey.Orderbook(o.Code, 0, o.Level ?? 0m),
            Candle c => StreamKey.Candle(c.Code, c.Interval),
            _ => null,
        };
        // NB: only keys of the last request count; trailing frames of an older union must not mark a key that
        // a later request will re-add, or its new subscribers would never get a snapshot.
        if (key is { } k && _onWire.Contains(k))
        {
            _confirmed.TryAdd(k, 0);
        }
    }

    /// <summary>
    /// A server error frame fails the streams it concerns with an <see cref="UpbitException"/>: the streams of the
    /// type it names when it names one (INVALID_PARAM for an unsupported type), otherwise every stream of this
    /// endpoint (auth and format errors are never going to succeed on retry). Upbit closes the socket next; the
    /// remaining union, if any, reconnects.
    /// </summary>
    private void OnServerError(ServerError error)
    {
        var exception = new UpbitException(error.Name, error.Message);
        _signals.Error(new UpbitError(UpbitErrorKind.ServerError, _name, exception.Message, exception));
        var named = _registry.Union.Where(_owns).Where(k => error.Message.Contains(WireKeys.TypeName(k), StringComparison.Ordinal)).ToHashSet();
        Func<StreamKey, bool> concerns = named.Count > 0
            ? key => named.Contains(key) || named.Any(n => n.Kind == key.Kind && n.Code == key.Code)
            : _owns;
        _router.Fail(concerns, exception);
    }

    /// <summary>What one connection's receive loop owns: its decoder and scratch list, never shared with the next connection.</summary>
    private sealed class ReceiveContext
    {
        public FrameDecoder Decoder { get; } = new();

        public List<UpbitMessage> Decoded { get; } = [];
    }
}
