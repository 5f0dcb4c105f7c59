using NUnit.Framework;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Streams;

public sealed class CandleTests
{
    [Test]
    public void StartsAt_UtcText_UtcInstant()
    {
        Assert.That(ExpectedRecords.Candle1m.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 8, 26, 8, 8, 0, TimeSpan.Zero)));
    }

    [Test]
    public void StartsAt_TextNotInDocumentedForm_Null()
    {
        Assert.That((ExpectedRecords.Candle1m with { CandleDateTimeUtc = "26/08/2026" }).StartsAt, Is.Null);
    }

    [Test]
    public void Time_Timestamp_InsideTheCandleWindow()
    {
        Assert.That(ExpectedRecords.Candle1m.Time, Is.EqualTo(new DateTimeOffset(2026, 8, 26, 8, 8, 37, 49, TimeSpan.Zero)));
    }
}
