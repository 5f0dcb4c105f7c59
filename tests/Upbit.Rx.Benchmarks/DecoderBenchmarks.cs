using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Benchmarks;

/// <summary>
/// One frame → one record: our streaming <see cref="FrameDecoder"/> against <see cref="JObjectBaseline"/>, on the
/// recorded ticker and on compact 15- and 30-unit orderbooks (the 15-unit book is the first 15 units of the sample).
/// </summary>
[Config(typeof(DecoderBenchmarkConfig))]
public class DecoderBenchmarks
{
    private readonly FrameDecoder _decoder = new();
    private readonly List<UpbitMessage> _output = new(4);
    private byte[] _ticker = [];
    private byte[] _orderbook15 = [];
    private byte[] _orderbook30 = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        _ticker = File.ReadAllBytes(Path.Combine(folder, "ws_ticker_default_snapshot_upbit-docs-recipe-java.json"));
        var book = (Orderbook)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "ws_orderbook_default_upbit-docs_krw-btc_level10000.json"))).Messages[0];
        _orderbook30 = FrameEncoder.EncodeUtf8(book, WireFormat.Default);
        _orderbook15 = FrameEncoder.EncodeUtf8(book with { Units = ImmutableArray.Create(book.Units, 0, 15) }, WireFormat.Default);

        // NB: both sides must build equal records, or the comparison measures different work.
        if (!Ours(_ticker).Equals(JObjectBaseline.Ticker(JObjectBaseline.Parse(_ticker))) ||
            !Ours(_orderbook30).Equals(JObjectBaseline.Orderbook(JObjectBaseline.Parse(_orderbook30))) ||
            !Ours(_orderbook15).Equals(JObjectBaseline.Orderbook(JObjectBaseline.Parse(_orderbook15))))
        {
            throw new InvalidOperationException("The decoder and the JObject baseline disagree on the benchmark frames.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Ticker")]
    public Ticker Ticker_JObject() => JObjectBaseline.Ticker(JObjectBaseline.Parse(_ticker));

    [Benchmark]
    [BenchmarkCategory("Ticker")]
    public UpbitMessage Ticker_FrameDecoder() => Ours(_ticker);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Orderbook15")]
    public Orderbook Orderbook15_JObject() => JObjectBaseline.Orderbook(JObjectBaseline.Parse(_orderbook15));

    [Benchmark]
    [BenchmarkCategory("Orderbook15")]
    public UpbitMessage Orderbook15_FrameDecoder() => Ours(_orderbook15);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Orderbook30")]
    public Orderbook Orderbook30_JObject() => JObjectBaseline.Orderbook(JObjectBaseline.Parse(_orderbook30));

    [Benchmark]
    [BenchmarkCategory("Orderbook30")]
    public UpbitMessage Orderbook30_FrameDecoder() => Ours(_orderbook30);

    private UpbitMessage Ours(byte[] frame)
    {
        _output.Clear();
        if (!_decoder.TryDecode(frame, _output, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return _output[0];
    }
}
