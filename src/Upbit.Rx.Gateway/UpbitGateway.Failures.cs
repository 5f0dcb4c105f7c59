using System.Globalization;
using Upbit.Rx.Gateway.Upstream;
using Upbit.Rx.Server;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Gateway;

/// <content>Telling downstream clients that an upstream stream they hold has ended for good.</content>
public sealed partial class UpbitGateway
{
    /// <summary>The error frame name when the upstream client was disposed: no more data will come through this gateway.</summary>
    internal const string UpstreamClosed = "UPSTREAM_CLOSED";

    /// <summary>The error frame name when an upstream stream failed without an error frame of Upbit's to forward.</summary>
    internal const string UpstreamFailed = "UPSTREAM_FAILED";

    /// <summary>
    /// Fails every public session whose current hold shares the ended holding: an error frame, then the engine's close
    /// (1000 after the error-close delay, as Upbit closes after its error frames). Runs on the scheduler, outside every
    /// lock of the source; each session takes only its own gate.
    /// </summary>
    private void Tell(UpstreamFailure failure)
    {
        var error = ErrorOf(failure);
        foreach (var session in _hub.Sessions)
        {
            if (!session.IsPrivate && session.CurrentHold is HoldTicket ticket && ticket.Has(failure.Holding))
            {
                session.Fail(error);
            }
        }
    }

    /// <summary>
    /// Upbit's own error when the upstream received one (a client of Upbit directly would have seen the same frame);
    /// otherwise a gateway name that an Upbit client treats as a server error, with a message naming the stream.
    /// </summary>
    private static ServerError ErrorOf(UpstreamFailure failure) => failure.Error switch
    {
        UpbitException { ServerErrorName: { } name } ex => ErrorCatalog.Of(name, ex.ServerMessage ?? ex.Message),
        null or ObjectDisposedException => ErrorCatalog.Of(UpstreamClosed, "The gateway's upstream client was disposed; this gateway serves no more data."),
        { } ex => ErrorCatalog.Of(UpstreamFailed, string.Create(CultureInfo.InvariantCulture, $"The gateway's upstream {Describe(failure.Key)} stream failed: {ex.Message}")),
    };

    private static string Describe(UpstreamKey key) => key.Type switch
    {
        DataType.Candle => string.Create(CultureInfo.InvariantCulture, $"candle {key.Interval} {key.Code}"),
        DataType.Orderbook when key.Level != 0m => string.Create(CultureInfo.InvariantCulture, $"orderbook {key.Code} level {key.Level}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{key.Type.ToString().ToLowerInvariant()} {key.Code}"),
    };
}
