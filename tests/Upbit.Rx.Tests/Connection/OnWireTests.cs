using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Connection;

public sealed class OnWireTests
{
    [Test]
    public void Confirmed_EveryKeyOnce_AllConfirmedOnlyAfterTheLast()
    {
        var wire = new OnWire([StreamKey.Ticker("KRW-BTC"), StreamKey.Trade("KRW-BTC"), StreamKey.Ticker("KRW-ETH")], 0);

        wire.Confirmed();
        wire.Confirmed();
        var beforeLast = wire.AllConfirmed;
        wire.Confirmed();

        Assert.That((beforeLast, wire.AllConfirmed), Is.EqualTo((false, true)));
    }

    [Test]
    public void New_SomeKeysConfirmedAlready_CountsThem()
    {
        var wire = new OnWire([StreamKey.Ticker("KRW-BTC"), StreamKey.Ticker("KRW-ETH")], 1);

        var before = wire.AllConfirmed;
        wire.Confirmed();

        Assert.That((before, wire.AllConfirmed), Is.EqualTo((false, true)));
    }

    [Test]
    public void New_EveryKeyConfirmedAlready_AllConfirmedAtOnce()
    {
        Assert.That(new OnWire([StreamKey.Ticker("KRW-BTC")], 1).AllConfirmed, Is.True);
    }

    [Test]
    public void Retire_ThenTheLastKeyConfirmed_NeverAllConfirmed()
    {
        var wire = new OnWire([StreamKey.Ticker("KRW-BTC"), StreamKey.Ticker("KRW-ETH")], 1);

        wire.Retire();
        wire.Confirmed();

        Assert.That(wire.AllConfirmed, Is.False);
    }

    [Test]
    public void Retire_EveryKeyConfirmed_NoLongerAllConfirmed()
    {
        var wire = new OnWire([StreamKey.Ticker("KRW-BTC")], 1);

        wire.Retire();

        Assert.That(wire.AllConfirmed, Is.False);
    }

    [Test]
    public void None_NothingOnTheWire_NeverAllConfirmed()
    {
        Assert.That(OnWire.None.AllConfirmed, Is.False);
    }
}
