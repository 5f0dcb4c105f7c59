using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Tests.Protocol;

public sealed class WireNamesTests
{
    [Test]
    public void Fields_EveryFieldIdHasItsRowInOrder()
    {
        var rows = WireNames.Fields.ToArray();

        Assert.That(rows.Select(r => r.Id), Is.EqualTo(Enum.GetValues<FieldId>()));
    }

    [Test]
    public void Fields_KeysUniquePerScopeExceptAliasesOfOneSlot()
    {
        var clashes = WireNames.Fields.ToArray()
            .SelectMany(r => new[] { (r.Scope, Key: r.Default, r.Slot), (r.Scope, Key: r.Simple, r.Slot) })
            .Distinct()
            .GroupBy(k => (k.Scope, k.Key))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToArray();

        Assert.That(clashes, Is.Empty);
    }

    [TestCase("TradeDate", "trade_date", "td")]
    [TestCase("TickerTradeDate", "trade_date", "tdt")]
    [TestCase("AccTradeVolume24h", "acc_trade_volume_24h", "atv24h")]
    [TestCase("Highest52WeekDate", "highest_52_week_date", "h52wdt")]
    [TestCase("IsTradingSuspended", "is_trading_suspended", "its")]
    [TestCase("SequentialId", "sequential_id", "sid")]
    [TestCase("OrderbookUnits", "orderbook_units", "obu")]
    [TestCase("UnitAskPrice", "ask_price", "ap")]
    [TestCase("AvgPrice", "avg_price", "ap")]
    [TestCase("Locked", "locked", "l")]
    [TestCase("AssetLocked", "locked", "l")]
    [TestCase("CandleDateTimeUtc", "candle_date_time_utc", "cdttmu")]
    [TestCase("SmpType", "smp_type", "smpt")]
    [TestCase("PreventedLocked", "prevented_locked", "pl")]
    [TestCase("AssetTimestamp", "asset_timestamp", "asttms")]
    [TestCase("FirstListedAt", "first_listed_at", "flat")]
    [TestCase("Method", "method", "mthd")]
    [TestCase("Result", "result", "rslt")]
    [TestCase("EntryCodes", "codes", "cds")]
    [TestCase("EntryLevel", "level", "lv")]
    [TestCase("Ticket", "ticket", "tckt")]
    public void Name_ProtocolTableRows_DefaultAndSimple(string fieldName, string defaultKey, string simpleKey)
    {
        var field = Enum.Parse<FieldId>(fieldName);

        Assert.That((WireNames.Name(field, simple: false), WireNames.Name(field, simple: true)), Is.EqualTo((defaultKey, simpleKey)));
    }

    [Test]
    public void TryFind_TickerAndTradeDateKeys_OneSlot()
    {
        var slots = new[] { "trade_date", "td", "tdt" }
            .Select(k => WireNames.TryFind(FieldScope.Message, Intern(k), out var slot) ? slot : (FieldId?)null);

        Assert.That(slots, Is.EqualTo(new FieldId?[] { FieldId.TradeDate, FieldId.TradeDate, FieldId.TradeDate }));
    }

    [Test]
    public void TryFind_SameAbbreviationInTwoScopes_DifferentFields()
    {
        WireNames.TryFind(FieldScope.Message, Intern("ap"), out var top);
        WireNames.TryFind(FieldScope.OrderbookUnit, Intern("ap"), out var unit);

        Assert.That((top, unit), Is.EqualTo((FieldId.AvgPrice, FieldId.UnitAskPrice)));
    }

    [Test]
    public void TryFind_KeyNotFromNameTable_NotFound()
    {
        Assert.That(WireNames.TryFind(FieldScope.Message, new string("code".AsSpan()), out _), Is.False);
    }

    [Test]
    public void TryFindKey_EveryKeySpelledAfresh_InternedInstanceWithItsSlot()
    {
        var misses = WireNames.Fields.ToArray()
            .SelectMany(r => new[] { (r.Scope, Key: r.Default, r.Slot), (r.Scope, Key: r.Simple, r.Slot) })
            .Where(k => !(WireNames.TryFindKey(new string(k.Key.AsSpan()), out var key, out var number)
                && ReferenceEquals(key, Intern(k.Key))
                && WireNames.TryFind(k.Scope, number, key, out var slot)
                && slot == k.Slot))
            .Select(k => k.Key)
            .ToArray();

        Assert.That(misses, Is.Empty);
    }

    [TestCase("")]
    [TestCase("cod")]
    [TestCase("codes_x")]
    [TestCase("Code")]
    public void TryFindKey_TextNoKeyHas_False(string text)
    {
        Assert.That((WireNames.TryFindKey(text, out var key, out var number), key, number), Is.EqualTo((false, (string?)null, -1)));
    }

    [TestCase("Ticker", CandleInterval.OneSecond, "ticker")]
    [TestCase("Trade", CandleInterval.OneSecond, "trade")]
    [TestCase("Orderbook", CandleInterval.OneSecond, "orderbook")]
    [TestCase("MyOrder", CandleInterval.OneSecond, "myOrder")]
    [TestCase("MyAsset", CandleInterval.OneSecond, "myAsset")]
    [TestCase("Announcement", CandleInterval.OneSecond, "announcement")]
    [TestCase("Candle", CandleInterval.OneSecond, "candle.1s")]
    [TestCase("Candle", CandleInterval.OneMinute, "candle.1m")]
    [TestCase("Candle", CandleInterval.ThreeMinutes, "candle.3m")]
    [TestCase("Candle", CandleInterval.FiveMinutes, "candle.5m")]
    [TestCase("Candle", CandleInterval.TenMinutes, "candle.10m")]
    [TestCase("Candle", CandleInterval.FifteenMinutes, "candle.15m")]
    [TestCase("Candle", CandleInterval.ThirtyMinutes, "candle.30m")]
    [TestCase("Candle", CandleInterval.SixtyMinutes, "candle.60m")]
    [TestCase("Candle", CandleInterval.TwoHundredFortyMinutes, "candle.240m")]
    public void TypeName_KindAndInterval_WireTypeAndBack(string kindName, CandleInterval interval, string expected)
    {
        var kind = Enum.Parse<StreamKind>(kindName);
        var name = WireNames.TypeName(kind, interval);
        var parsed = WireNames.TryParseTypeName(name, out var parsedKind, out var parsedInterval);

        Assert.That((name, parsed, parsedKind, kind == StreamKind.Candle ? parsedInterval : interval), Is.EqualTo((expected, true, kind, interval)));
    }

    [TestCase("candle.2m")]
    [TestCase("Ticker")]
    [TestCase("Announcement")]
    [TestCase(null)]
    public void TryParseTypeName_NotSubscribable_False(string? type)
    {
        Assert.That(WireNames.TryParseTypeName(type, out _, out _), Is.False);
    }

    [Test]
    public void CandleTypeName_UndefinedInterval_Throws()
    {
        Assert.That(() => WireNames.CandleTypeName((CandleInterval)99), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(WireFormat.Default, "DEFAULT", false, false)]
    [TestCase(WireFormat.Simple, "SIMPLE", true, false)]
    [TestCase(WireFormat.JsonList, "JSON_LIST", false, true)]
    [TestCase(WireFormat.SimpleList, "SIMPLE_LIST", true, true)]
    public void FormatName_EveryFormat_NameAndShape(WireFormat format, string name, bool simple, bool list)
    {
        Assert.That((WireNames.FormatName(format), WireNames.IsSimple(format), WireNames.IsList(format)), Is.EqualTo((name, simple, list)));
    }

    private static string Intern(string key) => WireNames.NameTable.Get(key.ToCharArray(), 0, key.Length)!;
}
