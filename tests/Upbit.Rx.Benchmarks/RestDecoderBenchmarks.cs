using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// One REST body → its records: the client's streaming <see cref="RestDecoder"/> (UTF-8 stream → <see cref="RestReader"/>,
/// exactly as <c>UpbitRestClient</c> reads a response) against a <see cref="JArray"/> load read by name, on a full page of
/// 200 minute candles and one of 500 trades, both in the recorded responses' shape, and on the recorded one-market
/// order-book body (30 units) and its first 15 units.
/// </summary>
[Config(typeof(DecoderBenchmarkConfig))]
public class RestDecoderBenchmarks
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _candles = [];
    private byte[] _trades = [];
    private byte[] _orderbook30 = [];
    private byte[] _orderbook15 = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2026, 3, 11, 14, 40, 0, DateTimeKind.Utc);
        _candles = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"market":"KRW-BTC","candle_date_time_utc":"{{start.AddMinutes(-i):yyyy-MM-dd'T'HH:mm:ss}}","candle_date_time_kst":"{{start.AddMinutes(-i).AddHours(9):yyyy-MM-dd'T'HH:mm:ss}}","opening_price":{{103600000 - (i * 1000)}}.0,"high_price":{{103600000 + (i * 1000)}}.0,"low_price":103425000.0,"trade_price":103460000.0,"timestamp":{{1773240059132 - (i * 60000L)}},"candle_acc_trade_price":164899503.{{14206 + i}},"candle_acc_trade_volume":1.{{5933512 + i}},"unit":1}"""))) + "]");
        _trades = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 500).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"market":"KRW-BTC","trade_date_utc":"2026-03-11","trade_time_utc":"14:{{40 - (i / 60):00}}:{{59 - (i % 60):00}}","timestamp":{{1773240059095 - (i * 1000L)}},"trade_price":{{103460000 + (i * 1000)}}.0,"trade_volume":0.{{4000 + i}},"prev_closing_price":102417000.0,"change_price":1043000.0,"ask_bid":"{{(i % 2 == 0 ? "ASK" : "BID")}}","sequential_id":{{17732400590950000 - (i * 10000L)}}}"""))) + "]");

        _orderbook30 = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rest_get_orderbooks_upbeat-cassette.json"));
        var books = Load(_orderbook30);
        foreach (var unitList in books.Select(b => (JArray)b["orderbook_units"]!))
        {
            while (unitList.Count > 15)
            {
                unitList.RemoveAt(unitList.Count - 1);
            }
        }

        _orderbook15 = Encoding.UTF8.GetBytes(books.ToString(Formatting.None));

        // NB: both sides must build equal records, or the comparison measures different work.
        if (!Candles_RestDecoder().SequenceEqual(Candles_JObject()) || !Trades_RestDecoder().SequenceEqual(Trades_JObject()) ||
            !Orderbook30_RestDecoder().SequenceEqual(Orderbook30_JObject()) || !Orderbook15_RestDecoder().SequenceEqual(Orderbook15_JObject()) ||
            Orderbook30_RestDecoder()[0].Units.Length != 30 || Orderbook15_RestDecoder()[0].Units.Length != 15)
        {
            throw new InvalidOperationException("The REST decoder and the JObject baseline disagree on the benchmark bodies.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Candles200")]
    public List<Candle> Candles_JObject() => Load(_candles).Select(c => new Candle
    {
        Code = (string)c["market"]!,
        Interval = CandleInterval.OneMinute,
        CandleDateTimeUtc = (string)c["candle_date_time_utc"]!,
        CandleDateTimeKst = (string)c["candle_date_time_kst"]!,
        OpeningPrice = (decimal)c["opening_price"]!,
        HighPrice = (decimal)c["high_price"]!,
        LowPrice = (decimal)c["low_price"]!,
        TradePrice = (decimal)c["trade_price"]!,
        CandleAccTradeVolume = (decimal)c["candle_acc_trade_volume"]!,
        CandleAccTradePrice = (decimal)c["candle_acc_trade_price"]!,
        Timestamp = (long)c["timestamp"]!,
        StreamType = StreamType.Snapshot,
    }).ToList();

    [Benchmark]
    [BenchmarkCategory("Candles200")]
    public List<Candle> Candles_RestDecoder() => Ours(_candles, r => RestDecoder.Candle(r, CandleInterval.OneMinute));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Trades500")]
    public List<Trade> Trades_JObject() => Load(_trades).Select(t => new Trade
    {
        Code = (string)t["market"]!,
        TradePrice = (decimal)t["trade_price"]!,
        TradeVolume = (decimal)t["trade_volume"]!,
        AskBid = (string)t["ask_bid"]! == "ASK" ? AskBid.Ask : AskBid.Bid,
        PrevClosingPrice = (decimal)t["prev_closing_price"]!,
        Change = Change.Unknown,
        ChangePrice = (decimal)t["change_price"]!,
        TradeDate = (string)t["trade_date_utc"]!,
        TradeTime = (string)t["trade_time_utc"]!,
        TradeTimestamp = (long)t["timestamp"]!,
        Timestamp = (long)t["timestamp"]!,
        SequentialId = (long)t["sequential_id"]!,
        BestAskPrice = null,
        BestAskSize = null,
        BestBidPrice = null,
        BestBidSize = null,
        StreamType = StreamType.Snapshot,
    }).ToList();

    [Benchmark]
    [BenchmarkCategory("Trades500")]
    public List<Trade> Trades_RestDecoder() => Ours(_trades, RestDecoder.Trade);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RestOrderbook15")]
    public List<Orderbook> Orderbook15_JObject() => Books(_orderbook15);

    [Benchmark]
    [BenchmarkCategory("RestOrderbook15")]
    public List<Orderbook> Orderbook15_RestDecoder() => Ours(_orderbook15, RestDecoder.Orderbook);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("RestOrderbook30")]
    public List<Orderbook> Orderbook30_JObject() => Books(_orderbook30);

    [Benchmark]
    [BenchmarkCategory("RestOrderbook30")]
    public List<Orderbook> Orderbook30_RestDecoder() => Ours(_orderbook30, RestDecoder.Orderbook);

    private static List<Orderbook> Books(byte[] body) => Load(body).Select(o => new Orderbook
    {
        Code = (string)o["market"]!,
        TotalAskSize = (decimal)o["total_ask_size"]!,
        TotalBidSize = (decimal)o["total_bid_size"]!,
        Units = ((JArray)o["orderbook_units"]!).Select(u => new OrderbookUnit
        {
            AskPrice = (decimal)u["ask_price"]!,
            BidPrice = (decimal)u["bid_price"]!,
            AskSize = (decimal)u["ask_size"]!,
            BidSize = (decimal)u["bid_size"]!,
        }).Where(u => !u.IsPadding).ToImmutableArray(),
        Level = (decimal?)o["level"],
        Timestamp = (long)o["timestamp"]!,
        StreamType = StreamType.Snapshot,
    }).ToList();

    private static List<T> Ours<T>(byte[] body, Func<RestReader, T> element)
    {
        using var text = new StreamReader(new MemoryStream(body), StrictUtf8, detectEncodingFromByteOrderMarks: true);
        using var reader = new RestReader(text);
        return RestDecoder.List(reader, element);
    }

    private static JArray Load(byte[] body)
    {
        using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body)))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
        };
        return JArray.Load(reader);
    }
}
