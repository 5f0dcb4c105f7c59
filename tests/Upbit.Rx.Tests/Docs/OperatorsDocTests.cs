using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Docs;

public sealed class OperatorsDocTests
{
    [Test]
    public void Examples_EveryCodeBlockOfTheDoc_IsCompiledHere()
    {
        Assert.That(DocSnippets.CSharpBlocks("docs/operators.md"), Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(DocSnippets.MissingFrom("docs/operators.md", "tests/Upbit.Rx.Tests/Docs/OperatorsDocExamples.cs"), Is.Empty);
    }

    [Test]
    public void BindTickerGrid_AgainstFakeExchange_EveryPairEndsOnItsLatestTicker()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var all = new List<Ticker>();
        var rows = new Dictionary<string, Ticker>();
        var tickers = client.Ticker(exchange.Market.Codes);
        using var raw = tickers.Subscribe(all.Add);

        using var grid = BindOnScheduler(tickers, scheduler, t => rows[t.Code] = t);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(10).Ticks);

        var latest = all.GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.Last());
        Assert.That(rows, Is.EquivalentTo(latest));
    }

    // NB: the doc's grid throttles on the task pool; under virtual time the same pipeline runs on the TestScheduler.
    private static IDisposable BindOnScheduler(IObservable<Ticker> tickers, TestScheduler scheduler, Action<Ticker> updateRow) =>
        Upbit.Rx.Operators.UpbitObservable.CoalesceByCode(
            Upbit.Rx.Operators.UpbitObservable.ThrottleByCode(tickers, TimeSpan.FromMilliseconds(250), scheduler), scheduler)
        .Subscribe(updateRow);
}
