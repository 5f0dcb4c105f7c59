using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Docs;

/// <summary>docs/gui.md: its code compiles, and its promises hold on a single-threaded UI context.</summary>
public sealed class GuiDocTests
{
    [Test]
    public void Examples_EveryCodeBlockOfTheDoc_IsCompiledHere()
    {
        Assert.That(DocSnippets.CSharpBlocks("docs/gui.md"), Has.Count.EqualTo(2));
        Assert.That(DocSnippets.MissingFrom("docs/gui.md", "tests/Upbit.Rx.Tests/Docs/GuiDocExamples.cs"), Is.Empty);
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task TickerPanel_DisposedOnUiThreadWhileDelivering_ReturnsAndShowsNothingAfter(CancellationToken cancellation)
    {
        using var ui = new UiThread();
        using var feed = new ReceiveLoop();
        GuiDocExamples.TickerPanel? panel = null;
        var (shown, late, wrongThread) = (0, 0, 0);
        var disposed = false;
        var delivering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ui.Run(() => panel = new GuiDocExamples.TickerPanel(feed.Tickers, _ =>
        {
            wrongThread += ui.IsCurrent ? 0 : 1;
            late += disposed ? 1 : 0;
            if (++shown == 500)
            {
                delivering.TrySetResult();
            }
        }));
        feed.Start();
        await delivering.Task.WaitAsync(cancellation);

        await ui.Run(() =>
        {
            panel!.Dispose();
            disposed = true;
        }).WaitAsync(cancellation);
        var producedAtDispose = feed.Produced;
        await feed.WaitUntilProducedAsync(producedAtDispose + 10_000, cancellation);
        feed.Stop();
        await ui.Run(() => { }).WaitAsync(cancellation);

        Assert.That((late, wrongThread, feed.HasObservers), Is.EqualTo((0, 0, false)));
        Assert.That(shown, Is.GreaterThanOrEqualTo(500));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task TickerPanel_DisposedFromInsideShowRow_NoFurtherRowAndTheLoopGoesOn(CancellationToken cancellation)
    {
        using var ui = new UiThread();
        using var feed = new ReceiveLoop();
        GuiDocExamples.TickerPanel? panel = null;
        var (shown, late) = (0, 0);
        var disposed = false;
        await ui.Run(() => panel = new GuiDocExamples.TickerPanel(feed.Tickers, _ =>
        {
            late += disposed ? 1 : 0;
            if (++shown == 300)
            {
                panel!.Dispose();
                disposed = true;
            }
        }));
        feed.Start();
        await feed.WaitUntilUnsubscribedAsync(cancellation);
        var producedAtDispose = feed.Produced;
        await feed.WaitUntilProducedAsync(producedAtDispose + 10_000, cancellation);
        feed.Stop();
        await ui.Run(() => { }).WaitAsync(cancellation);

        Assert.That((shown, late), Is.EqualTo((300, 0)));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task PriceLabel_OnUiContext_ShowsTheLatestTickerOnTheUiThread(CancellationToken cancellation)
    {
        using var ui = new UiThread();
        var tickers = new Subject<Ticker>();
        GuiDocExamples.PriceLabel? label = null;
        await ui.Run(() => label = new GuiDocExamples.PriceLabel(tickers, new SynchronizationContextScheduler(SynchronizationContext.Current!, alwaysPost: true)));

        tickers.OnNext(Make.Ticker("KRW-BTC", 150_000_000m, 1));
        await ui.Run(() => { }).WaitAsync(cancellation);

        Assert.That(label!.Text, Is.EqualTo($"KRW-BTC {150_000_000m:N0}"));
    }

    /// <summary>A stand-in for the client's receive loop: one thread pushing tickers as fast as it can until stopped.</summary>
    private sealed class ReceiveLoop : IDisposable
    {
        private readonly Subject<Ticker> _subject = new();
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _produced;

        public ReceiveLoop() => _thread = new Thread(Produce) { IsBackground = true, Name = "test receive loop" };

        public IObservable<Ticker> Tickers => _subject;

        public long Produced => Interlocked.Read(ref _produced);

        public bool HasObservers => _subject.HasObservers;

        public void Start() => _thread.Start();

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public async Task WaitUntilProducedAsync(long count, CancellationToken cancellation)
        {
            while (Produced < count)
            {
                await Task.Yield();
                cancellation.ThrowIfCancellationRequested();
            }
        }

        public async Task WaitUntilUnsubscribedAsync(CancellationToken cancellation)
        {
            while (_subject.HasObservers)
            {
                await Task.Yield();
                cancellation.ThrowIfCancellationRequested();
            }
        }

        public void Dispose()
        {
            if (!_stop && _thread.IsAlive)
            {
                Stop();
            }

            _subject.Dispose();
        }

        private void Produce()
        {
            for (long i = 1; !_stop; i++)
            {
                _subject.OnNext(Make.Ticker(i % 2 == 0 ? "KRW-BTC" : "KRW-ETH", i, i));
                Interlocked.Increment(ref _produced);
            }
        }
    }
}
