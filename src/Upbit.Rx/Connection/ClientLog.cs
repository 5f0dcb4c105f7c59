using Microsoft.Extensions.Logging;

namespace Upbit.Rx.Connection;

/// <summary>The client's log messages, in one place so none of them can carry a secret by accident.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Upbit connection {State}")]
    public static partial void StateChanged(ILogger logger, ConnectionState state);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Upbit {Kind} on {Endpoint}: {Detail}")]
    public static partial void Problem(ILogger logger, UpbitErrorKind kind, string endpoint, string detail, Exception? exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "A ConnectionStates or Errors handler threw and was removed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);
}
