using System.Globalization;
using Upbit.Rx.Cli.Parsing;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Cli.Views;

/// <summary>
/// The one-line form of each message, printed when output is not a terminal (and by <c>replay</c>). The first two
/// words are always the type and the code, so lines can be filtered with grep or awk.
/// </summary>
internal static class PlainLines
{
    /// <summary>The line for a message, or <see langword="null"/> for messages the CLI does not print.</summary>
    public static string? Format(UpbitMessage message) => message switch
    {
        Ticker t => Invariant($"ticker {t.Code} {Numbers.Plain(t.TradePrice)} {Numbers.Percent(t.SignedChangeRate)} vol24h {Numbers.Plain(t.AccTradeVolume24h)}"),
        Trade t => Invariant($"trade {t.Code} {Numbers.Clock(t.TradeTimestamp)} {Side(t.AskBid)} {Numbers.Plain(t.TradePrice)} x {Numbers.Plain(t.TradeVolume)} #{t.SequentialId}"),
        Orderbook o => Book(o),
        Candle c => Invariant($"candle {c.Code} {CandleIntervals.Name(c.Interval)} {c.CandleDateTimeUtc} O {Numbers.Plain(c.OpeningPrice)} H {Numbers.Plain(c.HighPrice)} L {Numbers.Plain(c.LowPrice)} C {Numbers.Plain(c.TradePrice)} V {Numbers.Plain(c.CandleAccTradeVolume)}"),
        _ => null,
    };

    /// <summary>ASK (a seller took the bid) or BID (a buyer took the ask), as Upbit names it.</summary>
    public static string Side(AskBid side) => side.ToString().ToUpperInvariant();

    private static string Book(Orderbook book)
    {
        var depth = Invariant($"{book.Units.Length} units level {Numbers.Plain(book.Level ?? 0m)}");
        if (book.Units.Length == 0 || book.Units[0].IsPadding)
        {
            return $"orderbook {book.Code} empty | {depth}";
        }

        var best = book.Units[0];
        return Invariant($"orderbook {book.Code} ask {Numbers.Plain(best.AskPrice)} x {Numbers.Plain(best.AskSize)} | bid {Numbers.Plain(best.BidPrice)} x {Numbers.Plain(best.BidSize)} | spread {Numbers.Plain(best.AskPrice - best.BidPrice)} | {depth}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
