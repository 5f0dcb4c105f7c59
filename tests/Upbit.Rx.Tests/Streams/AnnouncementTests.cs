using NUnit.Framework;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Streams;

public sealed class AnnouncementTests
{
    [Test]
    public void ListedTime_IsoTextWithKstOffset_OffsetKept()
    {
        var listed = ExpectedRecords.Announcement.ListedTime;

        Assert.That((listed, listed?.Offset), Is.EqualTo(((DateTimeOffset?)new DateTimeOffset(2026, 7, 14, 16, 36, 34, TimeSpan.FromHours(9)), (TimeSpan?)TimeSpan.FromHours(9))));
    }

    [Test]
    public void FirstListedTime_NotIsoText_Null()
    {
        Assert.That((ExpectedRecords.Announcement with { FirstListedAt = "soon" }).FirstListedTime, Is.Null);
    }
}
