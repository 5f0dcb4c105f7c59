using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

public sealed class WireEnumsTests
{
    private static string[] RoundTrip<T>(Func<T, string> toWire, Func<string?, T> parse)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => !EqualityComparer<T>.Default.Equals(parse(toWire(v)), v)).Select(v => v.ToString()).ToArray();

    [Test]
    public void ToWire_EveryValueOfEveryEnum_ParsesBack()
    {
        var broken = RoundTrip<StreamType>(WireEnums.ToWire, WireEnums.ParseStreamType)
            .Concat(RoundTrip<Change>(WireEnums.ToWire, WireEnums.ParseChange))
            .Concat(RoundTrip<AskBid>(WireEnums.ToWire, WireEnums.ParseAskBid))
            .Concat(RoundTrip<MarketState>(WireEnums.ToWire, WireEnums.ParseMarketState))
            .Concat(RoundTrip<MarketWarning>(WireEnums.ToWire, WireEnums.ParseMarketWarning))
            .Concat(RoundTrip<OrderState>(WireEnums.ToWire, WireEnums.ParseOrderState))
            .Concat(RoundTrip<OrderType>(WireEnums.ToWire, WireEnums.ParseOrderType))
            .Concat(RoundTrip<TimeInForce>(WireEnums.ToWire, WireEnums.ParseTimeInForce))
            .Concat(RoundTrip<SmpType>(WireEnums.ToWire, WireEnums.ParseSmpType))
            .Concat(RoundTrip<AnnouncementEventType>(WireEnums.ToWire, WireEnums.ParseAnnouncementEventType));

        Assert.That(broken, Is.Empty);
    }

    [TestCase("RISE", Change.Rise)]
    [TestCase("EVEN", Change.Even)]
    [TestCase("FALL", Change.Fall)]
    [TestCase("rise", Change.Unknown)]
    [TestCase("", Change.Unknown)]
    [TestCase(null, Change.Unknown)]
    public void ParseChange_Text_MemberOrUnknown(string? text, Change expected)
    {
        Assert.That(WireEnums.ParseChange(text), Is.EqualTo(expected));
    }

    [TestCase(TimeInForce.ImmediateOrCancel, "ioc")]
    [TestCase(TimeInForce.FillOrKill, "fok")]
    [TestCase(TimeInForce.PostOnly, "post_only")]
    [TestCase(TimeInForce.Unknown, "UNKNOWN")]
    public void ToWire_TimeInForce_LowerCaseWireText(TimeInForce value, string expected)
    {
        Assert.That(WireEnums.ToWire(value), Is.EqualTo(expected));
    }

    [TestCase(SmpType.Reduce, "reduce")]
    [TestCase(SmpType.CancelMaker, "cancel_maker")]
    [TestCase(SmpType.CancelTaker, "cancel_taker")]
    public void ToWire_SmpType_WireText(SmpType value, string expected)
    {
        Assert.That(WireEnums.ToWire(value), Is.EqualTo(expected));
    }

    [TestCase("wait", OrderState.Wait)]
    [TestCase("watch", OrderState.Watch)]
    [TestCase("trade", OrderState.Trade)]
    [TestCase("done", OrderState.Done)]
    [TestCase("cancel", OrderState.Cancel)]
    [TestCase("prevented", OrderState.Prevented)]
    public void ParseOrderState_WireText_Member(string text, OrderState expected)
    {
        Assert.That(WireEnums.ParseOrderState(text), Is.EqualTo(expected));
    }
}
