using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary>The market list: cached, refreshed on the interval, and the check of stream codes against it.</summary>
public sealed class UpbitClientMarketsTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void Markets_Subscribed_ReplaysTheListAndRefreshesOnTheInterval()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { MarketsRefreshInterval = TimeSpan.FromMinutes(10) });
        var lists = new List<IReadOnlyList<Market>>();
        IDisposable? watch = null;

        PumpedRun.Advance(scheduler, TimeSpan.FromMinutes(25), () => watch = client.Markets.Subscribe(lists.Add));
        watch!.Dispose();
        PumpedRun.Advance(scheduler, TimeSpan.FromMinutes(30));
        var late = new List<IReadOnlyList<Market>>();
        IDisposable? again = null;
        PumpedRun.Advance(scheduler, Second, () => again = client.Markets.Take(1).Subscribe(late.Add));
        using var _ = again;

        Assert.That(lists, Has.Count.EqualTo(3), "at subscription, at 10 and at 20 minutes");
        Assert.That(lists[0].Select(m => m.Code), Is.EquivalentTo(exchange.Market.Codes));
        Assert.That(MarketRequests(exchange), Is.EqualTo(4), "no refresh while nobody watches; the next watcher's fetch is the fourth");
        Assert.That(late.Single(), Is.SameAs(lists[^1]), "a new watcher gets the latest list at once");
    }

    [Test]
    public void GetMarketsAsync_CalledAgainWithinTheInterval_AnsweredFromTheCache()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { MarketsRefreshInterval = TimeSpan.FromMinutes(10) });

        var first = PumpedRun.Call(scheduler, () => client.GetMarketsAsync()).Result;
        var cached = PumpedRun.Call(scheduler, () => client.GetMarketsAsync()).Result;
        PumpedRun.Advance(scheduler, TimeSpan.FromMinutes(10));
        var fresh = PumpedRun.Call(scheduler, () => client.GetMarketsAsync()).Result;

        Assert.That(cached, Is.SameAs(first));
        Assert.That(fresh, Is.Not.SameAs(first).And.EquivalentTo(first));
        Assert.That(MarketRequests(exchange), Is.EqualTo(2));
    }

    [Test]
    public void Ticker_OnlyUnknownCodeBeforeTheListIsLoaded_FailsNamingItOnceTheListArrives()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        Exception? error = null;
        IDisposable? subscription = null;

        PumpedRun.Advance(scheduler, Second, () => subscription = client.Ticker("KRW-NOPE").Subscribe(_ => { }, e => error = e));
        using var _ = subscription;

        Assert.That(error, Is.TypeOf<UnknownMarketCodeException>());
        Assert.That(((UnknownMarketCodeException)error!).Codes, Is.EqualTo(new[] { "KRW-NOPE" }));
        Assert.That(error.Message, Does.Contain("KRW-NOPE"));
        Assert.That(client.Registry.Union, Is.Empty, "the failed stream gave its key back");
    }

    [Test]
    public void Ticker_UnknownBesideKnownBeforeTheListIsLoaded_FailsNamingOnlyTheUnknownAndGivesEveryKeyBack()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler, RestLatency = TimeSpan.FromMilliseconds(200) });
        using var client = exchange.CreateClient();
        Exception? failure = null;
        IDisposable? subscription = null;

        PumpedRun.Advance(scheduler, 5 * Second, () => subscription = client.Ticker("KRW-BTC", "KRW-NOPE", "KRW-ETH").Subscribe(_ => { }, e => failure = e));
        using var _ = subscription;

        Assert.That(failure, Is.TypeOf<UnknownMarketCodeException>());
        Assert.That(((UnknownMarketCodeException)failure!).Codes, Is.EqualTo(new[] { "KRW-NOPE" }));
        Assert.That(failure.Message, Does.Contain("'KRW-NOPE' is not a listed market code"));
        Assert.That(client.Registry.Union, Is.Empty, "the known codes' keys left with the failed stream");
    }

    [Test]
    public void Ticker_ListAlreadyCached_UnknownFailsAtOnceAndIsNeverSent()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        _ = PumpedRun.Call(scheduler, () => client.GetMarketsAsync()).Result;
        Exception? error = null;

        using var alone = client.Ticker("KRW-NOPE").Subscribe(_ => { }, e => error = e);
        var failedAt = error;
        Exception? mixedError = null;
        using var mixed = client.Ticker("KRW-NOPE", "KRW-BTC").Subscribe(_ => { }, e => mixedError = e);
        var mixedFailedAt = mixedError;
        PumpedRun.Advance(scheduler, 2 * Second);

        Assert.That(failedAt, Is.TypeOf<UnknownMarketCodeException>(), "failed inside Subscribe, before any time passed");
        Assert.That(((UnknownMarketCodeException?)mixedFailedAt)?.Codes, Is.EqualTo(new[] { "KRW-NOPE" }), "a known code beside it does not save the stream");
        Assert.That(client.Registry.Union, Is.Empty);
        Assert.That(WireRequests.Subscriptions(exchange).SelectMany(r => WireRequests.Entries(r.Text)), Has.None.Contains("KRW-NOPE"));
    }

    [Test]
    public void Ticker_MarketListUnavailable_StreamsOptimisticallyAndReportsOnErrors()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.InjectRestFault(RestFault.Refuse(), count: 100, pathPrefix: "/v1/market/all");
        using var client = exchange.CreateClient();
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        var tickers = new List<Ticker>();
        Exception? failure = null;
        IDisposable? subscription = null;

        PumpedRun.Advance(scheduler, 3 * Second, () => subscription = client.Ticker("KRW-BTC", "KRW-NOPE").Subscribe(tickers.Add, e => failure = e));
        using var _ = subscription;

        Assert.That(failure, Is.Null);
        Assert.That(tickers.Select(t => t.Code).Distinct(), Is.EqualTo(new[] { "KRW-BTC" }));
        Assert.That(errors.Select(e => e.Kind), Is.EqualTo(new[] { UpbitErrorKind.MarketListUnavailable }));
        Assert.That(errors[0].Exception, Is.InstanceOf<HttpRequestException>());
        Assert.That(errors[0].Endpoint, Is.EqualTo("public"));
    }

    [Test]
    public void Ticker_ValidationOff_UnknownCodeSentAndNoListFetched()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient(new UpbitClientOptions { ValidateCodes = false });
        Exception? failure = null;
        IDisposable? subscription = null;

        PumpedRun.Advance(scheduler, 3 * Second, () => subscription = client.Ticker("KRW-NOPE").Subscribe(_ => { }, e => failure = e));
        using var _ = subscription;

        Assert.That(failure, Is.Null);
        Assert.That(exchange.RestRequests, Is.Empty);
        Assert.That(WireRequests.Subscriptions(exchange).SelectMany(r => WireRequests.Entries(r.Text)), Has.Some.Contains("KRW-NOPE"));
    }

    [Test]
    public void Dispose_MarketListFetchInFlight_CancelsItWithoutReportingAFailure()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        exchange.InjectRestFault(RestFault.Slow(TimeSpan.FromMinutes(1)), pathPrefix: "/v1/market/all");
        var client = exchange.CreateClient();
        var errors = new List<UpbitError>();
        using var watch = client.Errors.Subscribe(errors.Add);
        Task<IReadOnlyList<Market>>? fetch = null;
        PumpedRun.Advance(scheduler, Second, () => fetch = client.GetMarketsAsync());

        client.Dispose();

        Assert.That(fetch!.IsCanceled, Is.True, "ended by the dispose, not left waiting for the slow answer");
        Assert.That(errors, Is.Empty);
        PumpedRun.Advance(scheduler, TimeSpan.FromMinutes(2));
        Assert.That(errors, Is.Empty, "the late answer is not reported either");
    }

    private static int MarketRequests(FakeUpbitExchange exchange) =>
        exchange.RestRequests.Count(r => r.PathAndQuery.StartsWith("/v1/market/all", StringComparison.Ordinal));
}
