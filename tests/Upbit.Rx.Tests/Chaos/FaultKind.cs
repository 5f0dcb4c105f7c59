namespace Upbit.Rx.Tests.Chaos;

/// <summary>The faults the chaos run injects through <c>FakeUpbitExchange</c>.</summary>
public enum FaultKind
{
    /// <summary>The connection ends without a close frame.</summary>
    Drop,

    /// <summary>The server goes silent but keeps the socket open; only the client's idle watchdog notices.</summary>
    Stall,

    /// <summary>The server goes silent except for undecodable frames; a watchdog that counts any frame never fires.</summary>
    GarbageStall,

    /// <summary>The next 1 to 4 upgrades are refused with HTTP 429, then the connection drops.</summary>
    RefusedUpgrades,

    /// <summary>A <c>TOO_MANY_REQUESTS</c> error frame, then close 1000: a retry fixes it.</summary>
    TransientError,

    /// <summary>An <c>INVALID_AUTH</c> error frame on the private connection: the private streams can never succeed.</summary>
    InvalidAuth,

    /// <summary>An <c>INVALID_PARAM</c> error frame naming one live type: that type's streams can never succeed.</summary>
    InvalidParam,

    /// <summary>A JSON frame cut off mid-value.</summary>
    MalformedFrame,

    /// <summary>Random bytes, binary or text.</summary>
    GarbageFrame,

    /// <summary>A valid frame larger than the client's message limit: the client drops the connection (1009).</summary>
    OversizedFrame,

    /// <summary>A valid 256 KiB frame, under the limit: decoded and ignored.</summary>
    LargeFrame,

    /// <summary>Every later frame of the connection is delayed by 0.2 to 3 s.</summary>
    SlowDelivery,
}
