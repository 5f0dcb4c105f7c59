using System.Globalization;
using Upbit.Rx.Streams;
using Upbit.Rx.Server;

namespace Upbit.Rx.Testing.Market;

/// <summary>
/// One simulated pair: a seeded random walk on the tick grid, the day's statistics, 52-week extremes and forming
/// candles, all derived from the trades it makes, so tickers, trades, books and candles agree with each other.
/// Not thread-safe: <see cref="MarketSimulator"/> serializes access.
/// </summary>
internal sealed class SimulatedPair
{
    private readonly Random _random;
    private readonly string _code;
    private readonly decimal _notional;
    private readonly Dictionary<CandleInterval, CandleState> _candles;
    private readonly decimal _volume24hBase;
    private readonly decimal _value24hBase;
    private decimal _bid;
    private DateTime _day;
    private decimal _prevClose;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _accVolume;
    private decimal _accValue;
    private decimal _accAsk;
    private decimal _accBid;
    private decimal _high52;
    private string _high52Date;
    private decimal _low52;
    private string _low52Date;
    private long _lastMillisecond;
    private long _sameMillisecond;

    public SimulatedPair(string code, int seed, DateTimeOffset start, TradeHistory history)
    {
        _code = code;
        History = history;
        _random = new Random(unchecked((int)StableHash.Of(code, seed)));
        _notional = StartingPrices.TypicalNotional(code);
        var price = StartingPrices.For(code, _random);
        _bid = TickSizes.Floor(price, Tick);
        Levels = TickSizes.Levels(code, _bid);
        _day = start.UtcDateTime.Date;
        _prevClose = Align(_bid * (decimal)(0.97 + (_random.NextDouble() * 0.06)));
        _open = _high = _low = _prevClose;
        _volume24hBase = Math.Round(_notional * 3_000m / _bid, 8);
        _value24hBase = Math.Round(_volume24hBase * _bid, 8);
        _high52 = Align(_bid * (decimal)(1.1 + (_random.NextDouble() * 0.4)));
        _high52Date = Date(start.AddDays(-10 - _random.Next(300)));
        _low52 = Align(_bid * (decimal)(0.4 + (_random.NextDouble() * 0.4)));
        _low52Date = Date(start.AddDays(-10 - _random.Next(300)));
        _candles = CandleNames.All.ToDictionary(i => i, i => new CandleState(code, i, CandleNames.Period(i)));
        LastTrade = Step(start);
    }

    /// <summary>How many book refreshes happened; sizes vary with it.</summary>
    public long BookVersion { get; private set; }

    public Trade LastTrade { get; private set; }

    /// <summary>The trades and candles kept for the REST quotation API.</summary>
    public TradeHistory History { get; }

    public decimal Tick => TickSizes.For(_code, _bid);

    /// <summary>The grouping levels this pair supports, fixed when it is listed (Upbit's are fixed per pair; deriving
    /// them from the moving price would let a level be accepted and then have no book).</summary>
    public IReadOnlyList<decimal> Levels { get; }

    /// <summary>Makes one trade at <paramref name="now"/> and returns it (REALTIME).</summary>
    public Trade Step(DateTimeOffset now)
    {
        var move = _random.NextDouble() < 0.05 ? _random.Next(-10, 11) : _random.Next(-2, 3);
        _bid = Math.Max(Tick * 100, Align(_bid + (move * Tick)));
        RollDay(now);
        var buyerTook = _random.Next(2) == 0;
        var price = buyerTook ? _bid + Tick : _bid;
        var volume = Math.Max(0.00000001m, Math.Round(_notional * (decimal)(0.05 + (_random.NextDouble() * 3)) / price, 8));
        var value = price * volume;
        _high = Math.Max(_high, price);
        _low = Math.Min(_low, price);
        _accVolume += volume;
        _accValue += value;
        _accBid += buyerTook ? volume : 0m;
        _accAsk += buyerTook ? 0m : volume;
        (_high52, _high52Date) = price > _high52 ? (price, Date(now)) : (_high52, _high52Date);
        (_low52, _low52Date) = price < _low52 ? (price, Date(now)) : (_low52, _low52Date);
        foreach (var candle in _candles.Values)
        {
            candle.Apply(now, price, volume, value);
        }

        var millisecond = now.ToUnixTimeMilliseconds();
        _sameMillisecond = millisecond == _lastMillisecond ? Math.Min(_sameMillisecond + 1, 9_999) : 0;
        _lastMillisecond = millisecond;
        var book = Book(1, 0m, StreamType.Realtime, millisecond)!;
        LastTrade = new Trade
        {
            Code = _code,
            TradePrice = price,
            TradeVolume = volume,
            AskBid = buyerTook ? AskBid.Bid : AskBid.Ask,
            PrevClosingPrice = _prevClose,
            Change = ChangeOf(price),
            ChangePrice = Math.Abs(price - _prevClose),
            TradeDate = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TradeTime = now.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            TradeTimestamp = millisecond,
            Timestamp = millisecond + 3,
            SequentialId = (millisecond * 10_000) + _sameMillisecond,
            BestAskPrice = book.Units[0].AskPrice,
            BestAskSize = book.Units[0].AskSize,
            BestBidPrice = book.Units[0].BidPrice,
            BestBidSize = book.Units[0].BidSize,
            StreamType = StreamType.Realtime,
        };
        History.Record(LastTrade, now);
        return LastTrade;
    }

    /// <summary>Moves the book on (new sizes) without trading.</summary>
    public void RefreshBook() => BookVersion++;

    public Ticker Ticker(StreamType streamType)
    {
        var trade = LastTrade;
        var signed = trade.TradePrice - _prevClose;
        var rate = _prevClose == 0m ? 0m : Math.Round(signed / _prevClose, 8);
        var at = UnixMilliseconds(trade.TradeTimestamp).UtcDateTime;
        return new Ticker
        {
            Code = _code,
            OpeningPrice = _open,
            HighPrice = _high,
            LowPrice = _low,
            TradePrice = trade.TradePrice,
            PrevClosingPrice = _prevClose,
            Change = trade.Change,
            ChangePrice = Math.Abs(signed),
            SignedChangePrice = signed,
            ChangeRate = Math.Abs(rate),
            SignedChangeRate = rate,
            TradeVolume = trade.TradeVolume,
            AccTradeVolume = _accVolume,
            AccTradeVolume24h = _volume24hBase + _accVolume,
            AccTradePrice = _accValue,
            AccTradePrice24h = _value24hBase + _accValue,
            TradeDate = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            TradeTime = at.ToString("HHmmss", CultureInfo.InvariantCulture),
            TradeTimestamp = trade.TradeTimestamp,
            AskBid = trade.AskBid,
            AccAskVolume = _accAsk,
            AccBidVolume = _accBid,
            Highest52WeekPrice = _high52,
            Highest52WeekDate = _high52Date,
            Lowest52WeekPrice = _low52,
            Lowest52WeekDate = _low52Date,
            MarketState = MarketState.Active,
            IsTradingSuspended = false,
            DelistingDate = null,
            MarketWarning = Upbit.Rx.Streams.MarketWarning.None,
            Timestamp = trade.Timestamp,
            StreamType = streamType,
        };
    }

    public Candle? Candle(CandleInterval interval, StreamType streamType) =>
        _candles[interval].HasCandle ? _candles[interval].ToCandle(streamType) : null;

    /// <summary>The book of <paramref name="units"/> levels grouped by <paramref name="level"/>, or
    /// <see langword="null"/> when the pair does not support that level.</summary>
    public Orderbook? Book(int units, decimal level, StreamType streamType, long timestamp) =>
        level != 0m && !Levels.Contains(level) ? null
            : OrderbookBuilder.Build(_code, _bid, Tick, level, units, BookVersion, _notional, streamType, timestamp);

    private decimal Align(decimal price) => TickSizes.Floor(price, TickSizes.For(_code, price));

    private Change ChangeOf(decimal price) => price > _prevClose ? Change.Rise : price < _prevClose ? Change.Fall : Change.Even;

    private void RollDay(DateTimeOffset now)
    {
        if (now.UtcDateTime.Date <= _day)
        {
            return;
        }

        _day = now.UtcDateTime.Date;
        _prevClose = LastTrade.TradePrice;
        _open = _high = _low = LastTrade.TradePrice;
        _accVolume = _accValue = _accAsk = _accBid = 0m;
    }

    private static DateTimeOffset UnixMilliseconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
