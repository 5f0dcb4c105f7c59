using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using NUnit.Framework;
using Upbit.Rx.Transport;

namespace Upbit.Rx.IntegrationTests.Client;

/// <summary>Each transport against a bare framework WebSocket server on 127.0.0.1: the close handshake and the size cap's range.</summary>
public sealed class ServerCloseTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task ServerCloses_ClientAnswersWithCloseFrame([Values] TransportKind transport)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await ServerClosesOnceAsync(transport));
        }

        Assert.That(outcomes, Is.All.EqualTo("Close"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task MaxMessageBytes_IntMaxValue_StillConnects([Values] TransportKind transport)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () => await (await listener.GetContextAsync()).AcceptWebSocketAsync(null));
        var request = new TransportRequest(new Uri($"ws://127.0.0.1:{port}/"), [], false, int.MaxValue);
        var first = new TaskCompletionSource<string>();

        using var sub = Transports.Create(transport).Connect(request).Subscribe(e => first.TrySetResult(e.Kind.ToString()), ex => first.TrySetResult(ex.GetType().Name));

        Assert.That(await first.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("Opened"));
    }

    private static async Task<string> ServerClosesOnceAsync(TransportKind kind)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serverSide = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var ws = (await context.AcceptWebSocketAsync(null)).WebSocket;
            await ws.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "bye", CancellationToken.None);
            try
            {
                var result = await ws.ReceiveAsync(new byte[1024], CancellationToken.None);
                return result.MessageType.ToString();
            }
            catch (WebSocketException ex)
            {
                return "no close reply: " + ex.WebSocketErrorCode;
            }
        });

        var transport = Transports.Create(kind);
        var request = new TransportRequest(new Uri($"ws://127.0.0.1:{port}/"), [], false, 1 << 20);
        using var sub = transport.Connect(request).Subscribe(_ => { }, _ => { }, () => { });
        return await serverSide.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
