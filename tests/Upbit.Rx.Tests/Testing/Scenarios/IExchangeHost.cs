using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Scenarios;

/// <summary>One way of serving a <see cref="FakeUpbitExchange"/> to a client: in memory on a TestScheduler, or over
/// real sockets. The shared scenarios run against both.</summary>
public interface IExchangeHost : IAsyncDisposable
{
    FakeUpbitExchange Exchange { get; }

    /// <summary>Connects; a refused upgrade throws the client socket's <see cref="System.Net.WebSockets.WebSocketException"/>.</summary>
    Task<IFakeClient> ConnectAsync(bool isPrivate = false, string? authorization = null);

    /// <summary>Lets <paramref name="span"/> of exchange time pass (virtual: advance the clock; loopback: wait).</summary>
    Task PassAsync(TimeSpan span);
}
