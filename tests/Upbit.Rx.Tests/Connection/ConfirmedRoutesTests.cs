using NUnit.Framework;
using Upbit.Rx.Connection;
using Upbit.Rx.Subscriptions;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Connection;

/// <summary>
/// The receive loop confirms while the request planner forgets and publishes, on another thread. These tests play the
/// interleavings one step at a time: each step is what one of the two threads does between the other's steps.
/// </summary>
public sealed class ConfirmedRoutesTests
{
    private static readonly StreamKey Book = StreamKey.Orderbook("KRW-ETH", 0, 0m);
    private static readonly StreamKey Ticker = StreamKey.Ticker("KRW-BTC");
    private static readonly StreamKey QuietTrades = StreamKey.Trade("KRW-XRP");

    [Test]
    public void Confirm_KeyOfTheRequest_ContainedOnceDelivered()
    {
        var routes = new ConfirmedRoutes();
        routes.Publish([Ticker, QuietTrades]);

        routes.Confirm(Make.Ticker("KRW-BTC", 100m, 1));

        Assert.That((routes.Contains(Ticker), routes.Contains(QuietTrades)), Is.EqualTo((true, false)));
    }

    [Test]
    public void Confirm_KeyNotInTheLastRequest_NotContained()
    {
        var routes = new ConfirmedRoutes();
        routes.Publish([Ticker]);

        routes.Confirm(Make.Trade("KRW-XRP", 1, 1));

        Assert.That(routes.Contains(QuietTrades), Is.False);
    }

    [Test]
    public void Confirm_ForgottenKeyDeliversAgainBeforeTheNextRequestIsPublished_OtherKeysStillConfirmed()
    {
        // NB: the planner forgets a deepened book, and before it publishes the next request a trailing frame of the
        // shallower book confirms it again; that second count of the book must not stand in for the quiet code.
        var routes = new ConfirmedRoutes();
        routes.Publish([Book, QuietTrades]);
        routes.Confirm(Make.Orderbook("KRW-ETH", 1, 1));

        routes.Forget(Book);
        routes.Confirm(Make.Orderbook("KRW-ETH", 1, 2));
        routes.Confirm(Make.Trade("KRW-XRP", 1, 3));

        Assert.That(routes.Contains(QuietTrades), Is.True);
    }

    [Test]
    public void Confirm_DroppedKeyDeliversAgainBeforeTheNextRequestIsPublished_OtherKeysStillConfirmed()
    {
        // NB: the planner drops a key the union no longer has while its trailing tickers still arrive.
        var routes = new ConfirmedRoutes();
        routes.Publish([Ticker, QuietTrades]);
        routes.Confirm(Make.Ticker("KRW-BTC", 100m, 1));

        routes.Retain([QuietTrades]);
        routes.Confirm(Make.Ticker("KRW-BTC", 100m, 2));
        routes.Confirm(Make.Trade("KRW-XRP", 1, 3));

        Assert.That(routes.Contains(QuietTrades), Is.True);
    }

    [Test]
    public void Publish_AfterAForgottenKeyDeliveredAgain_NextRequestConfirmsItsOwnKeys()
    {
        var routes = new ConfirmedRoutes();
        routes.Publish([Book, QuietTrades]);
        routes.Confirm(Make.Orderbook("KRW-ETH", 1, 1));
        routes.Forget(Book);
        routes.Confirm(Make.Orderbook("KRW-ETH", 1, 2));

        routes.Publish([Book, QuietTrades]);
        routes.Confirm(Make.Trade("KRW-XRP", 1, 3));

        Assert.That((routes.Contains(Book), routes.Contains(QuietTrades)), Is.EqualTo((true, true)));
    }

    [Test]
    public void Reset_EverythingConfirmed_NothingContainedAndNothingConfirmsUntilARequest()
    {
        var routes = new ConfirmedRoutes();
        routes.Publish([Ticker]);
        routes.Confirm(Make.Ticker("KRW-BTC", 100m, 1));

        routes.Reset();
        routes.Confirm(Make.Ticker("KRW-BTC", 100m, 2));

        Assert.That(routes.Contains(Ticker), Is.False);
    }
}
