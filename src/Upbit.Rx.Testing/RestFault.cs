namespace Upbit.Rx.Testing;

/// <summary>A fault for <see cref="FakeUpbitExchange.InjectRestFault"/>: the REST host down, an error status, a
/// malformed body, or a slow answer.</summary>
/// <remarks>Faults act before the rate limits: a refused or failed request is not counted against a group.</remarks>
public sealed record RestFault
{
    private RestFault(RestFaultKind kind, int statusCode, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        Delay = delay;
    }

    /// <summary>What the fault does.</summary>
    public RestFaultKind Kind { get; }

    /// <summary>The status sent for <see cref="RestFaultKind.Status"/>; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>How late a <see cref="RestFaultKind.Slow"/> answer comes; zero otherwise.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The REST host is down: the connection is refused (see <see cref="RestFaultKind.Refuse"/>).</summary>
    public static RestFault Refuse() => new(RestFaultKind.Refuse, 0, TimeSpan.Zero);

    /// <summary>An error status. 502, 503 and 504 come with an HTML page (a gateway or maintenance page, as in front of
    /// any web service); other statuses with <c>{"error":{"name":status,"message":…}}</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 400–599.</exception>
    public static RestFault Status(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(RestFaultKind.Status, statusCode, TimeSpan.Zero);
    }

    /// <summary>A 200 answer whose JSON body is cut in half.</summary>
    public static RestFault MalformedBody() => new(RestFaultKind.MalformedBody, 0, TimeSpan.Zero);

    /// <summary>The real answer, <paramref name="delay"/> of scheduler time late (on top of
    /// <see cref="FakeExchangeOptions.RestLatency"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static RestFault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(RestFaultKind.Slow, 0, delay);
    }
}
