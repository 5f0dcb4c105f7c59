using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Rest;

/// <content>Order books, order-book instruments, the market list and error bodies.</content>
internal static partial class RestDecoder
{
    public static Orderbook Orderbook(RestReader r)
    {
        string? code = null;
        decimal? totalAsk = null, totalBid = null, level = null;
        long? timestamp = null;
        ImmutableArray<OrderbookUnit>? units = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "timestamp": timestamp = r.Int64(); break;
                case "total_ask_size": totalAsk = r.Decimal(); break;
                case "total_bid_size": totalBid = r.Decimal(); break;
                case "level": level = r.Decimal(); break;
                case "orderbook_units": units = Units(r); break;
                default: r.Skip(); break;
            }
        }

        const string What = "order book";
        return new Orderbook
        {
            Code = code ?? throw r.Missing("market", What),
            TotalAskSize = totalAsk ?? throw r.Missing("total_ask_size", What),
            TotalBidSize = totalBid ?? throw r.Missing("total_bid_size", What),
            Units = units ?? throw r.Missing("orderbook_units", What),
            Level = level,
            Timestamp = timestamp ?? throw r.Missing("timestamp", What),
            StreamType = StreamType.Snapshot,
        };
    }

    public static OrderbookInstrument Instrument(RestReader r)
    {
        string? code = null, quote = null;
        decimal? tick = null;
        List<decimal>? levels = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "quote_currency": quote = r.String(); break;
                case "tick_size": tick = r.Decimal(); break;
                case "supported_levels": levels = Levels(r); break;
                default: r.Skip(); break;
            }
        }

        const string What = "order-book instrument";
        return new OrderbookInstrument
        {
            Code = code ?? throw r.Missing("market", What),
            QuoteCurrency = quote ?? throw r.Missing("quote_currency", What),
            TickSize = tick ?? throw r.Missing("tick_size", What),
            SupportedLevels = levels ?? throw r.Missing("supported_levels", What),
        };
    }

    public static Market Market(RestReader r)
    {
        string? code = null, korean = null, english = null, warning = null;
        MarketEvent? marketEvent = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "market": code = r.String(); break;
                case "korean_name": korean = r.String(); break;
                case "english_name": english = r.String(); break;
                case "market_warning": warning = r.String(); break;
                case "market_event": marketEvent = r.StartObjectOrNull() ? Event(r) : null; break;
                default: r.Skip(); break;
            }
        }

        const string What = "market";
        return new Market
        {
            Code = code ?? throw r.Missing("market", What),
            KoreanName = korean,
            EnglishName = english ?? throw r.Missing("english_name", What),
            Event = marketEvent,
            Warning = warning is null ? null : WireEnums.ParseMarketWarning(warning),
        };
    }

    /// <summary>Reads <c>{"error":{"name","message"}}</c>; null when the body holds no error object.</summary>
    public static (string Name, string Message)? Error(RestReader r)
    {
        if (!r.StartObjectOrNull())
        {
            return null;
        }

        (string, string)? result = null;
        while (r.NextProperty(out var key))
        {
            if (key != "error")
            {
                r.Skip();
                continue;
            }

            if (!r.StartObjectOrNull())
            {
                continue;
            }

            string? name = null, message = null;
            while (r.NextProperty(out var field))
            {
                switch (field)
                {
                    case "name": name = r.String(); break;
                    case "message": message = r.String(); break;
                    default: r.Skip(); break;
                }
            }

            result = (name ?? "unknown", message ?? string.Empty);
        }

        return result;
    }

    private static MarketEvent Event(RestReader r)
    {
        bool? warning = null;
        MarketCaution? caution = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "warning": warning = r.Boolean(); break;
                case "caution": caution = r.StartObjectOrNull() ? Caution(r) : null; break;
                default: r.Skip(); break;
            }
        }

        return new MarketEvent { Warning = warning ?? throw r.Missing("warning", "market event"), Caution = caution };
    }

    private static MarketCaution Caution(RestReader r)
    {
        var caution = new MarketCaution();
        while (r.NextProperty(out var key))
        {
            caution = key switch
            {
                "PRICE_FLUCTUATIONS" => caution with { PriceFluctuations = r.Boolean() ?? false },
                "TRADING_VOLUME_SOARING" => caution with { TradingVolumeSoaring = r.Boolean() ?? false },
                "DEPOSIT_AMOUNT_SOARING" => caution with { DepositAmountSoaring = r.Boolean() ?? false },
                "GLOBAL_PRICE_DIFFERENCES" => caution with { GlobalPriceDifferences = r.Boolean() ?? false },
                "CONCENTRATION_OF_SMALL_ACCOUNTS" => caution with { ConcentrationOfSmallAccounts = r.Boolean() ?? false },
                _ => SkipAndKeep(r, caution),
            };
        }

        return caution;
    }

    private static MarketCaution SkipAndKeep(RestReader r, MarketCaution caution)
    {
        r.Skip();
        return caution;
    }

    private static ImmutableArray<OrderbookUnit>? Units(RestReader r)
    {
        if (!r.StartArrayOrNull())
        {
            return null;
        }

        // NB: the units are read into a pooled scratch and copied once into the book's exactly-sized array, so a book's
        // units cost one allocation; the scratch goes back to the pool even when a unit is malformed.
        var scratch = ArrayPool<OrderbookUnit>.Shared.Rent(32);
        try
        {
            var count = 0;
            while (r.NextObject())
            {
                var unit = Unit(r);

                // NB: as on the WebSocket, units that only pad a thin book are dropped.
                if (!unit.IsPadding)
                {
                    if (count == scratch.Length)
                    {
                        var larger = ArrayPool<OrderbookUnit>.Shared.Rent(count * 2);
                        scratch.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<OrderbookUnit>.Shared.Return(scratch);
                        scratch = larger;
                    }

                    scratch[count++] = unit;
                }
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(scratch.AsSpan(0, count).ToArray());
        }
        finally
        {
            ArrayPool<OrderbookUnit>.Shared.Return(scratch);
        }
    }

    private static OrderbookUnit Unit(RestReader r)
    {
        decimal? askPrice = null, bidPrice = null, askSize = null, bidSize = null;
        while (r.NextProperty(out var key))
        {
            switch (key)
            {
                case "ask_price": askPrice = r.Decimal(); break;
                case "bid_price": bidPrice = r.Decimal(); break;
                case "ask_size": askSize = r.Decimal(); break;
                case "bid_size": bidSize = r.Decimal(); break;
                default: r.Skip(); break;
            }
        }

        const string What = "order-book unit";
        return new OrderbookUnit
        {
            AskPrice = askPrice ?? throw r.Missing("ask_price", What),
            BidPrice = bidPrice ?? throw r.Missing("bid_price", What),
            AskSize = askSize ?? throw r.Missing("ask_size", What),
            BidSize = bidSize ?? throw r.Missing("bid_size", What),
        };
    }

    private static List<decimal>? Levels(RestReader r)
    {
        if (!r.StartArrayOrNull())
        {
            return null;
        }

        var levels = new List<decimal>();
        while (true)
        {
            var level = r.DecimalOrEnd(out var ended);
            if (ended)
            {
                return levels;
            }

            levels.Add(level ?? throw r.Fail("A supported level is null"));
        }
    }
}
