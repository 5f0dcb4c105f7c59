using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Docs;

/// <summary>The examples of docs/operators.md, verbatim, so the build compiles them (see <see cref="OperatorsDocTests"/>).</summary>
internal static class OperatorsDocExamples
{
    static IDisposable BindTickerGrid(IObservable<Ticker> tickers, IScheduler uiScheduler, Action<Ticker> updateRow)
    {
        return tickers
            .ThrottleByCode(TimeSpan.FromMilliseconds(250), TaskPoolScheduler.Default) // ≤ 4 per pair per second
            .CoalesceByCode(uiScheduler)                                               // latest per pair while the UI is busy
            .Subscribe(updateRow);
    }

    static IDisposable BindTradeTape(IObservable<Trade> trades, IScheduler uiScheduler, Action<Trade> appendRow, Action<long> showDropped)
    {
        long dropped = 0;
        return trades
            .ObserveOnBounded(uiScheduler, capacity: 500, OverflowPolicy.DropOldest,
                itemDropped: _ => showDropped(Interlocked.Increment(ref dropped)))
            .Subscribe(appendRow);
    }

    static IDisposable RunStrategy(IObservable<Trade> trades, IScheduler strategyScheduler, Action<Trade> onTrade, Action<string> alert)
    {
        return trades
            .ObserveOnBounded(strategyScheduler, capacity: 100_000, OverflowPolicy.Fail)
            .Subscribe(
                onTrade,
                error => alert(error is BufferOverflowException overflow
                    ? $"strategy fell {overflow.Capacity} trades behind; stopped"
                    : $"trade stream failed: {error.Message}"));
    }

    static IDisposable ShowBestPrices(IObservable<Orderbook> books, IScheduler uiScheduler, Action<string, decimal, decimal> showBest)
    {
        return books
            .CoalesceByCode(uiScheduler)
            .Where(book => book.Units.Length > 0)
            .Subscribe(book => showBest(book.Code, book.Units[0].BidPrice, book.Units[0].AskPrice));
    }

    static IObservable<decimal> SpreadWithRetry(IObservable<Orderbook> books, Func<Orderbook, decimal> spreadFromService)
    {
        return books
            .Select(spreadFromService)
            .RetryWithBackoff(new RetryOptions
            {
                Backoff = new BackoffOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxRetryAttempts = 5 },
                ShouldHandle = error => error is TimeoutException,
                OnRetry = retry => Console.Error.WriteLine($"retry {retry.AttemptNumber} in {retry.Delay}: {retry.Exception.Message}"),
            });
    }
}
