using NUnit.Framework;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Tests.Protocol;

/// <summary>Hand-written SIMPLE frames built from the §3 abbreviation tables.</summary>
public sealed partial class FrameDecoderTests
{
    private const string SimpleTicker =
        """{"ty":"ticker","cd":"KRW-BTC","op":158219000.00000000,"hp":159278000.00000000,"lp":157588000.00000000,"tp":158201000.00000000,"pcp":158200000.00000000,"atp":95078733694.3792000000000000,"c":"RISE","cp":1000.00000000,"scp":1000.00000000,"cr":0.0000063211,"scr":0.0000063211,"ab":"BID","tv":0.00006321,"atv":600.02894052,"tdt":"20250926","ttm":"082645","ttms":1758875205145,"aav":341.67985038,"abv":258.34909014,"h52wp":169900000.00000000,"h52wdt":"2025-08-14","l52wp":80635000.00000000,"l52wdt":"2024-10-10","ms":"ACTIVE","its":false,"dd":null,"mw":"NONE","tms":1758875205276,"atp24h":331187169240.21526,"atv24h":2083.82485091,"st":"SNAPSHOT"}""";

    private const string SimpleTrade =
        """{"ty":"trade","cd":"KRW-BTC","tms":1787728554853,"td":"2026-08-26","ttm":"07:15:54","ttms":1787728554797,"tp":109847000.0,"tv":0.00509799,"ab":"ASK","pcp":109165000.0,"c":"RISE","cp":682000.0,"sid":17877285547970000,"bap":109867000,"bas":0.0099545,"bbp":109847000,"bbs":0.1583673,"st":"SNAPSHOT"}""";

    private const string SimpleCandle =
        """{"ty":"candle.1m","cd":"KRW-BTC","cdttmu":"2026-08-26T08:08:00","cdttmk":"2026-08-26T17:08:00","op":109715000.0,"hp":109756000.0,"lp":109714000.0,"tp":109756000.0,"catv":0.71326612,"catp":78269528.64757,"tms":1787731717049,"st":"SNAPSHOT"}""";

    private const string SimpleMyOrder =
        """{"ty":"myOrder","cd":"KRW-BTC","uid":"ac2dc2a3-fce9-40a2-a4f6-5987c25c438f","ab":"BID","ot":"limit","s":"trade","tuid":"68315169-fba4-4175-ade3-aff14a616657","p":0.001453,"ap":0.00145372,"v":30925891.29839369,"rv":29968038.09235948,"ev":30925891.29839369,"tc":1,"rsf":44.23943970238218,"rmf":21.77177967409916,"pf":22.467660028283017,"l":43565.33112787242,"ef":44935.32005656603,"tif":null,"tf":22.467660028283017,"im":true,"id":"test-1","smpt":"cancel_maker","pv":1.174291929,"pl":0.001706246173,"ttms":1710751590421,"otms":1710751590000,"tms":1710751597500,"st":"REALTIME"}""";

    private const string SimpleMyAsset =
        """{"ty":"myAsset","astuid":"e635f223-1609-4969-8fb6-4376937baad6","ast":[{"cu":"KRW","b":1386929.37231066771348207123,"l":10329.670127489597585685}],"asttms":1710146517259,"tms":1710146517267,"st":"REALTIME"}""";

    private const string SimpleAnnouncement =
        """{"ty":"announcement","et":"CREATED","uid":"562593104","tt":"[거래] 신규 거래 지원 안내 ...","cat":"trade","url":"https://www.upbit.com/service_center/notice?id=562593104&view=share","flat":"2026-07-14T16:36:34+09:00","lat":"2026-07-14T16:36:34+09:00","tms":1752566400123,"st":"REALTIME"}""";

    private const string SimpleListSubscriptions =
        """{"mthd":"LIST_SUBSCRIPTIONS","rslt":[{"ty":"ticker","cds":["KRW-BTC","KRW-ETH"]},{"ty":"orderbook","cds":["KRW-BTC","KRW-ETH"],"lv":0}],"tckt":"unique uuid"}""";

    private static IEnumerable<TestCaseData> SimpleLiterals()
    {
        yield return new TestCaseData(SimpleTicker, ExpectedRecords.TickerSnapshot).SetArgDisplayNames("ticker");
        yield return new TestCaseData(SimpleTrade, ExpectedRecords.TradeBtc).SetArgDisplayNames("trade");
        yield return new TestCaseData(SimpleCandle, ExpectedRecords.Candle1m).SetArgDisplayNames("candle");
        yield return new TestCaseData(SimpleMyOrder, ExpectedRecords.MyOrder).SetArgDisplayNames("myOrder");
        yield return new TestCaseData(SimpleMyAsset, ExpectedRecords.MyAsset).SetArgDisplayNames("myAsset");
        yield return new TestCaseData(SimpleAnnouncement, ExpectedRecords.Announcement).SetArgDisplayNames("announcement");
        yield return new TestCaseData(SimpleListSubscriptions, ExpectedRecords.ListPublic).SetArgDisplayNames("listSubscriptions");
    }

    [TestCaseSource(nameof(SimpleLiterals))]
    public void TryDecode_HandWrittenSimpleLiteral_SameRecordAsDefaultSample(string json, UpbitMessage expected)
    {
        Assert.That(Samples.DecodeOne(json), Is.EqualTo(expected));
    }

    [Test]
    public void TryDecode_SimpleOrderbookWithExponentsAndPadding_PaddingDroppedThinSideKept()
    {
        const string json =
            """{"ty":"orderbook","cd":"KRW-BTC","tms":1787727947526,"tas":0.00126329,"tbs":1.5,"obu":[{"ap":1.16539E8,"bp":116530000,"as":7.9276E-4,"bs":1.5},{"ap":116540000.0,"bp":0,"as":4.7053E-4,"bs":0},{"ap":0,"bp":0,"as":0,"bs":0},{"ap":0E-8,"bp":0.0,"as":0,"bs":0}],"lv":0,"st":"REALTIME"}""";

        var expected = new Orderbook
        {
            Code = "KRW-BTC",
            TotalAskSize = 0.00126329m,
            TotalBidSize = 1.5m,
            Units =
            [
                new OrderbookUnit { AskPrice = 116539000m, BidPrice = 116530000m, AskSize = 0.00079276m, BidSize = 1.5m },
                new OrderbookUnit { AskPrice = 116540000m, BidPrice = 0m, AskSize = 0.00047053m, BidSize = 0m },
            ],
            Level = 0m,
            Timestamp = 1787727947526,
            StreamType = StreamType.Realtime,
        };
        Assert.That(Samples.DecodeOne(json), Is.EqualTo(expected));
    }

    [Test]
    public void TryDecode_SimpleErrorAndStatus_SameKeysAsDefault()
    {
        Assert.That(
            Samples.DecodeAll("""[{"status":"UP"},{"error":{"message":"m","name":"NO_TYPE"}}]"""u8.ToArray()),
            Is.EqualTo(new UpbitMessage[] { new ServerStatus { Status = "UP" }, new ServerError { Name = "NO_TYPE", Message = "m" } }));
    }

    [Test]
    public void TryDecode_DefaultAndSimpleKeysMixedInOneObject_Decoded()
    {
        var json = SimpleCandle.Replace("\"cd\":", "\"code\":", StringComparison.Ordinal).Replace("\"catp\":", "\"candle_acc_trade_price\":", StringComparison.Ordinal);

        Assert.That(Samples.DecodeOne(json), Is.EqualTo(ExpectedRecords.Candle1m));
    }
}
