using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>
/// A WebSocket client written against RFC 6455 on a bare <see cref="TcpClient"/>, for what
/// <see cref="System.Net.WebSockets.ClientWebSocket"/> hides: it sends protocol pings when told to (no timer) and hands
/// back every frame, pongs included, so a test can count pongs per ping instead of racing a keep-alive timeout.
/// </summary>
internal sealed class RawWebSocket : IDisposable
{
    private const byte Fin = 0x80;
    private const byte Mask = 0x80;
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>The ping opcode.</summary>
    public const int PingOpcode = 0x9;

    /// <summary>The pong opcode.</summary>
    public const int PongOpcode = 0xA;

    /// <summary>Connects to a <c>ws://127.0.0.1:port/path</c> endpoint and completes the upgrade.</summary>
    /// <exception cref="InvalidOperationException">The server did not answer 101.</exception>
    public static async Task<RawWebSocket> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            var socket = new RawWebSocket(tcp);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = $"GET {endpoint.PathAndQuery} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await socket._stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
            var response = await socket.ReadHeadAsync(cancellationToken);
            return response.StartsWith("HTTP/1.1 101", StringComparison.Ordinal)
                ? socket
                : throw new InvalidOperationException("upgrade refused: " + response.Split('\r')[0]);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Sends one masked ping frame carrying <paramref name="payload"/> (at most 125 bytes).</summary>
    public async Task PingAsync(string payload, CancellationToken cancellationToken)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[2 + 4 + data.Length];
        frame[0] = Fin | PingOpcode;
        frame[1] = (byte)(Mask | data.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < data.Length; i++)
        {
            frame[6 + i] = (byte)(data[i] ^ mask[i % 4]);
        }

        await _stream.WriteAsync(frame, cancellationToken);
    }

    /// <summary>Reads the next frame; <see langword="null"/> when the server ended the connection (closed or reset).</summary>
    public async Task<(int Opcode, string Payload)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var head = new byte[2];
            if (!await FillAsync(head, cancellationToken))
            {
                return null;
            }

            long length = head[1] & 0x7F;
            if (length >= 126)
            {
                var extended = new byte[length == 126 ? 2 : 8];
                if (!await FillAsync(extended, cancellationToken))
                {
                    return null;
                }

                length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : BinaryPrimitives.ReadInt64BigEndian(extended);
            }

            // NB: a server never masks its frames (RFC 6455 5.1), so the payload follows directly.
            var payload = new byte[length];
            return await FillAsync(payload, cancellationToken) ? (head[0] & 0x0F, Encoding.UTF8.GetString(payload)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }

    private async Task<string> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (!await FillAsync(one, cancellationToken))
            {
                throw new InvalidOperationException("the server closed during the upgrade: " + head);
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
