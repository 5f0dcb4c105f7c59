using System.Reactive.Concurrency;
using Upbit.Rx.Operators;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Docs;

/// <summary>The examples of docs/gui.md, verbatim, so the build compiles them and the tests run them (see <see cref="GuiDocTests"/>).</summary>
internal static class GuiDocExamples
{
    public sealed class TickerPanel : IDisposable
    {
        private readonly IDisposable _subscription;

        // Build it on the UI thread (a constructor or a Loaded handler): the context captured is the UI's.
        public TickerPanel(IObservable<Ticker> tickers, Action<Ticker> showRow)
        {
            var ui = new SynchronizationContextScheduler(SynchronizationContext.Current!, alwaysPost: true);
            _subscription = tickers
                .ObserveOnBounded(ui, capacity: 256, OverflowPolicy.DropOldest)
                .Subscribe(showRow);
        }

        // Call it on the UI thread (a Closed or Unloaded handler). It returns at once, even while values are being
        // delivered, and no row is shown after it returns.
        public void Dispose() => _subscription.Dispose();
    }

    public sealed class PriceLabel
    {
        public string Text { get; private set; } = "";

        public PriceLabel(IObservable<Ticker> tickers, IScheduler ui)
        {
            tickers
                .ObserveOnBounded(ui, capacity: 1, OverflowPolicy.DropOldest)
                .SubscribeWeakly(this, static (self, ticker) => self.Text = $"{ticker.Code} {ticker.TradePrice:N0}");
        }
    }
}
