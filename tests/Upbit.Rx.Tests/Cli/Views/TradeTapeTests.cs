using NUnit.Framework;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Cli.Views;

public sealed class TradeTapeTests
{
    [Test]
    public void Render_MoreTradesThanCapacity_KeepsNewestFirst()
    {
        var tape = new TradeTape(capacity: 2);
        var trade = Samples.DecodeSample<Trade>("ws_trade_default_upbit-docs_krw-btc.json");
        tape.Add(trade with { TradePrice = 1_000m });
        tape.Add(trade with { TradePrice = 2_000m });
        tape.Add(trade with { TradePrice = 3_000m });

        var text = TestConsole.Render(tape.Render());

        Assert.That(text.IndexOf("3,000", StringComparison.Ordinal), Is.LessThan(text.IndexOf("2,000", StringComparison.Ordinal)));
        Assert.That(text, Does.Not.Contain("1,000"));
    }
}
