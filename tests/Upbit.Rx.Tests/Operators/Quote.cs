using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Operators;

/// <summary>A minimal stream record for operator tests: a code and a sequence number that orders all values.</summary>
internal sealed record Quote(string Code, int Seq) : IMarketMessage
{
    public StreamType StreamType => StreamType.Realtime;

    public long Timestamp => Seq;

    public override string ToString() => $"{Code}#{Seq}";
}
