using Upbit.Rx.Streams;

namespace Upbit.Rx.Testing.Rest;

internal sealed partial class QuotationApi
{
    private const int DefaultUnits = 30;

    /// <summary><c>/v1/orderbook?markets=…&amp;count=&amp;level=</c>: the same books the socket serves. A
    /// <c>count</c> outside 1–30 falls back to 30 and a pair that does not support <c>level</c> is left out, as
    /// Upbit does; unit keys come in Upbit's REST order (bid first).</summary>
    private byte[] Orderbooks(QueryString query)
    {
        var codes = Listed(query.RequiredList("markets"));
        var count = query.Integer("count") is { } n and >= 1 and <= DefaultUnits ? n : DefaultUnits;
        var level = query.Decimal("level") ?? 0m;
        var books = codes.Select(c => market.Orderbook(c, count, level)).OfType<Orderbook>().ToList();
        return RestJson.Array(books, (w, book) =>
        {
            RestJson.Text(w, "market", book.Code);
            RestJson.Integer(w, "timestamp", book.Timestamp);
            RestJson.Number(w, "total_ask_size", book.TotalAskSize);
            RestJson.Number(w, "total_bid_size", book.TotalBidSize);
            w.WritePropertyName("orderbook_units");
            w.WriteStartArray();
            foreach (var unit in book.Units)
            {
                w.WriteStartObject();
                RestJson.Number(w, "bid_price", unit.BidPrice);
                RestJson.Number(w, "bid_size", unit.BidSize);
                RestJson.Number(w, "ask_price", unit.AskPrice);
                RestJson.Number(w, "ask_size", unit.AskSize);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            RestJson.Number(w, "level", book.Level ?? 0m);
        });
    }
}
