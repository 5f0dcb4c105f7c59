using NUnit.Framework;
using Upbit.Rx.Cli.Views;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Protocol;

namespace Upbit.Rx.Tests.Cli.Views;

public sealed class PlainViewTests
{
    [Test]
    public void Show_States_SkipsTheInitialDisconnectedAndKeepsLaterOnes()
    {
        var error = new StringWriter();
        var view = new PlainView(new StringWriter(), error);

        view.Show(new ConnectionState("public", ConnectionStatus.Disconnected));
        view.Show(new ConnectionState("public", ConnectionStatus.Connecting));
        view.Show(new ConnectionState("public", ConnectionStatus.Disconnected, Reason: "linger expired"));

        Assert.That(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "upbit-rx: public: Connecting", "upbit-rx: public: Disconnected: linger expired" }));
    }

    [Test]
    public async Task Show_Messages_OneLineEachOnOutputUntilDone()
    {
        var output = new StringWriter();
        var view = new PlainView(output, new StringWriter());
        var trade = Samples.DecodeSample<Trade>("ws_trade_default_upbit-docs_krw-btc.json");

        view.Show(trade);
        view.Show(trade with { SequentialId = 17877285547970001 });
        await view.RunAsync(Task.CompletedTask);

        Assert.That(output.ToString(), Is.EqualTo(
            "trade KRW-BTC 07:15:54.797 ASK 109847000 x 0.00509799 #17877285547970000" + Environment.NewLine +
            "trade KRW-BTC 07:15:54.797 ASK 109847000 x 0.00509799 #17877285547970001" + Environment.NewLine));
    }
}
