using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>Laws 6 and 7: isolation and clear errors, in virtual time against the fake exchange.</summary>
public sealed class UpbitClientIsolationTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void ThrowingSubscriber_DetachedAndReported_OthersAndFeedContinue()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var thrown = 0;
        using var bad = client.Ticker("KRW-BTC").Subscribe(_ =>
        {
            thrown++;
            throw new InvalidOperationException("subscriber bug");
        });
        var good = new List<Ticker>();
        using var ok = client.Ticker("KRW-BTC").Subscribe(good.Add);

        scheduler.AdvanceBy(5 * Second);

        Assert.That(thrown, Is.EqualTo(1));
        Assert.That(good, Has.Count.GreaterThan(3));
        Assert.That(errors.Select(e => (e.Kind, e.Exception?.Message)), Is.EqualTo(new[] { (UpbitErrorKind.SubscriberFault, (string?)"subscriber bug") }));
    }

    [Test]
    public void ThrowingLogger_SubscriberFaultsAndStatesLogged_ClientGoesOnAndReportsTheLoggerOnce()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        var logger = new ThrowingLogger();
        using var client = exchange.CreateClient(new UpbitClientOptions { LoggerFactory = logger });
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var states = new List<ConnectionState>();
        using var watchStates = client.ConnectionStates.Subscribe(states.Add);
        using var bad = client.Ticker("KRW-BTC").Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        var good = new List<Ticker>();
        using var ok = client.Ticker("KRW-BTC").Subscribe(good.Add);

        scheduler.AdvanceBy(5 * Second);

        Assert.That(logger.Calls, Is.GreaterThan(1), "connection states and the subscriber's fault were logged, each throwing");
        Assert.That(good, Has.Count.GreaterThan(3));
        Assert.That(states.Last(x => x.Endpoint == "public").Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(errors.Select(e => (e.Kind, e.Endpoint)), Is.EquivalentTo(new[] { (UpbitErrorKind.SubscriberFault, "client"), (UpbitErrorKind.SubscriberFault, "public") }));
    }

    [Test]
    public void ServerErrorFrame_StreamsFailWithTypedExceptionAndLaterSubscribersRecover()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        Exception? failure = null;
        using var sub = client.Ticker("KRW-BTC").Subscribe(_ => { }, e => failure = e);
        scheduler.AdvanceBy(2 * Second);

        exchange.SendError(exchange.Connections[0].Id, "WRONG_FORMAT", "Format 이 맞지 않습니다.");
        scheduler.AdvanceBy(2 * Second);
        var after = new List<Ticker>();
        using var again = client.Ticker("KRW-ETH").Subscribe(after.Add);
        scheduler.AdvanceBy(5 * Second);

        Assert.That(failure, Is.TypeOf<UpbitException>());
        Assert.That(((UpbitException)failure!).ServerErrorName, Is.EqualTo("WRONG_FORMAT"));
        Assert.That(((UpbitException)failure).ServerMessage, Is.EqualTo("Format 이 맞지 않습니다."));
        Assert.That(after, Has.Count.GreaterThan(3));
    }

    [Test]
    public void MalformedFrame_CountedAndReported_FeedContinues()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var seen = new List<Ticker>();
        using var sub = client.Ticker("KRW-BTC").Subscribe(seen.Add);
        scheduler.AdvanceBy(2 * Second);

        exchange.PushMalformedFrame(exchange.Connections[0].Id);
        exchange.PushFrame(exchange.Connections[0].Id, "{\"type\":\"ticker\",\"code\":");
        var before = seen.Count;
        scheduler.AdvanceBy(3 * Second);

        Assert.That(errors.Select(e => e.Kind), Is.EqualTo(new[] { UpbitErrorKind.MalformedFrame, UpbitErrorKind.MalformedFrame }));
        Assert.That(client.GetHealth().DecodeErrors, Is.EqualTo(2));
        Assert.That(seen.Count, Is.GreaterThan(before));
        Assert.That(exchange.Connections, Has.Count.EqualTo(1));
    }

    [TestCase("krw-btc")]
    [TestCase("")]
    [TestCase("KRW-BTC.15")]
    [TestCase("BTC")]
    public void Ticker_BadCode_ThrowsArgumentExceptionAtTheCall(string code)
    {
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = new TestScheduler() });
        using var client = exchange.CreateClient();

        Assert.Throws<ArgumentException>(() => client.Ticker("KRW-ETH", code));
        Assert.That(exchange.Connections, Is.Empty);
    }

    [Test]
    public void Orderbook_UnsupportedUnits_ThrowsArgumentOutOfRange()
    {
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = new TestScheduler() });
        using var client = exchange.CreateClient();

        Assert.Throws<ArgumentOutOfRangeException>(() => client.Orderbook(20, 0m, "KRW-BTC"));
    }

    [Test]
    public void MyAsset_NoCredentials_InvalidOperationAtTheCall()
    {
        using var client = new UpbitClient(new UpbitClientOptions { Scheduler = new TestScheduler() });

        Assert.Throws<InvalidOperationException>(() => client.MyAsset());
    }

    [Test]
    public void Credentials_ToString_HidesTheSecret()
    {
        var credentials = new UpbitCredentials("access-key-123", "super-secret-value");
        var options = new UpbitClientOptions { Credentials = credentials };

        Assert.That(options.ToString(), Does.Not.Contain("super-secret-value").And.Not.Contain("access-key-123"));
        Assert.That(credentials.ToString(), Is.EqualTo("UpbitCredentials(access key acce***, secret key ***)"));
    }

    [Test]
    public void ThrowingSubscriber_OnTheCachedValue_DetachedSoTheFeedRetires()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var keep = client.Ticker("KRW-BTC").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        using var thrower = client.Ticker("KRW-BTC").Subscribe(_ => throw new InvalidOperationException("boom"));
        keep.Dispose();
        scheduler.AdvanceBy(Second);

        Assert.That(client.Router.Latest(Upbit.Rx.Subscriptions.StreamKey.Ticker("KRW-BTC")), Is.Null);
        Assert.That(client.Registry.Union, Is.Empty);
    }
}
