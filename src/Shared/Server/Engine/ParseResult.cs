using Upbit.Rx.Streams;

namespace Upbit.Rx.Server;

/// <summary>What one client text frame turned out to be: the keep-alive <c>PING</c>, a valid request, or an error.</summary>
internal sealed class ParseResult
{
    private ParseResult(bool isPing, ClientRequest? request, ServerError? error)
    {
        IsPing = isPing;
        Request = request;
        Error = error;
    }

    public static ParseResult Ping { get; } = new(true, null, null);

    public bool IsPing { get; }

    public ClientRequest? Request { get; }

    public ServerError? Error { get; }

    public static ParseResult Of(ClientRequest request) => new(false, request, null);

    public static ParseResult Fail(ServerError error) => new(false, null, error);
}
