namespace Upbit.Rx.Testing;

/// <summary>What an injected <see cref="RestFault"/> does to a REST request.</summary>
public enum RestFaultKind
{
    /// <summary>No answer: in memory the handler throws the <see cref="HttpRequestException"/> of a refused connection;
    /// the loopback server aborts the connection before any response byte, which a client sees as a failed request.</summary>
    Refuse,

    /// <summary>An HTTP error status instead of the endpoint's answer (see <see cref="RestFault.Status(int)"/>).</summary>
    Status,

    /// <summary>The endpoint's real 200 answer, headers included, with its body cut in half (invalid JSON).</summary>
    MalformedBody,

    /// <summary>The endpoint's real answer, sent <see cref="RestFault.Delay"/> of scheduler time late.</summary>
    Slow,
}
