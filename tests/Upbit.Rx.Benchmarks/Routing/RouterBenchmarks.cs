using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Benchmarks.Routing;

/// <summary>
/// Routing cost alone, no sockets and no decoding: <see cref="Batch"/> pre-built tickers over 200 codes published to
/// <see cref="Subscribers"/> subscribers, through our <see cref="Router"/> and <see cref="StreamSubscription{T}"/>s
/// (one dictionary lookup per message) against the naive baseline, a <see cref="Subject{T}"/> with one
/// <c>Where(code == mine)</c> per subscriber. With 1 subscriber it takes all 200 codes (the baseline subscribes to
/// the subject unfiltered); with 1,000, subscriber <c>j</c> takes code <c>j % 200</c> (5 per code).
/// </summary>
[Config(typeof(RouterBenchmarkConfig))]
public class RouterBenchmarks
{
    private const int Batch = 20_000;
    private Ticker[] _messages = [];
    private CountingObserver[] _observers = [];
    private Router? _router;
    private List<IDisposable> _subscriptions = [];
    private Subject<Ticker>? _subject;

    [Params(1, 1_000)]
    public int Subscribers { get; set; }

    [GlobalSetup(Target = nameof(Router_Dictionary))]
    public void WarmRouter() => Warm(SetupRouter, Router_Dictionary);

    [GlobalSetup(Target = nameof(Subject_WherePerSubscriber))]
    public void WarmSubject() => Warm(SetupSubject, Subject_WherePerSubscriber);

    [IterationSetup(Target = nameof(Router_Dictionary))]
    public void SetupRouter()
    {
        // NB: the client's own clock; a feed reads it once per message to stamp staleness.
        _router = new Router(DefaultScheduler.Instance);
        var registry = new SubscriptionRegistry();
        Prepare((observer, codes) =>
        {
            var subscription = new StreamSubscription<Ticker>(observer, e => throw new InvalidOperationException("A benchmark subscriber failed.", e));
            subscription.Start(_router, registry, [.. codes.Select(StreamKey.Ticker)]);
            return subscription;
        });
    }

    [IterationSetup(Target = nameof(Subject_WherePerSubscriber))]
    public void SetupSubject()
    {
        _subject = new Subject<Ticker>();
        Prepare((observer, codes) => codes.Count == 1
            ? _subject.Where(t => t.Code == codes[0]).Subscribe(observer)
            : _subject.Subscribe(observer));
    }

    [IterationCleanup]
    public void Verify()
    {
        // NB: a route that lost or duplicated messages would look fast; each subscriber must see exactly its share.
        var expected = Subscribers == 1 ? Batch : Batch / TickerBatch.CodeCount;
        if (_observers.Any(o => o.Count != expected))
        {
            throw new InvalidOperationException($"A subscriber received {_observers.First(o => o.Count != expected).Count} messages, not {expected}.");
        }

        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions = [];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Router_Dictionary()
    {
        var router = _router!;
        foreach (var message in _messages)
        {
            router.Publish(message);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void Subject_WherePerSubscriber()
    {
        var subject = _subject!;
        foreach (var message in _messages)
        {
            subject.OnNext(message);
        }
    }

    /// <summary>
    /// NB: with one invocation per iteration the measured code would otherwise still run unoptimized: the runtime
    /// promotes a method to its optimized tier only after 30 calls and a quiet 100 ms, longer than a short job lasts.
    /// </summary>
    private void Warm(Action setup, Action publish)
    {
        _messages = [.. Enumerable.Range(0, Batch).Select(i => TickerBatch.Message(i))];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            setup();
            publish();
            Verify();
        }
    }

    private void Prepare(Func<CountingObserver, IReadOnlyList<string>, IDisposable> subscribe)
    {
        _observers = [.. Enumerable.Range(0, Subscribers).Select(_ => new CountingObserver())];
        _subscriptions = [.. _observers.Select((o, j) => subscribe(o, Subscribers == 1 ? TickerBatch.Codes : [TickerBatch.Codes[j % TickerBatch.CodeCount]]))];
    }
}
