using Upbit.Rx.Connection;

namespace Upbit.Rx;

/// <content>The trade backfill across reconnects of the public connection (<see cref="UpbitClientOptions.BackfillTrades"/>).</content>
public sealed partial class UpbitClient
{
    private readonly TradeBackfill? _backfill;

    private TradeBackfill? CreateBackfill(UpbitClientOptions options)
    {
        if (!options.BackfillTrades)
        {
            return null;
        }

        var backfill = new TradeBackfill(PublicName, _rest, options, _signals, _public.PublishReleased, _public.DropReleased);
        _public.Backfill = backfill;
        return backfill;
    }
}
