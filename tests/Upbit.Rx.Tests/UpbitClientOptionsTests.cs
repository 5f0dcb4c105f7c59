using System.Diagnostics.Metrics;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests;

public sealed class UpbitClientOptionsTests
{
    [TestCase("http://api.upbit.com/websocket/v1")]
    [TestCase("https://api.upbit.com/websocket/v1")]
    public void Validate_HttpPublicEndpoint_ThrowsNamingTheOptionAndTheSchemeRule(string endpoint)
    {
        var options = new UpbitClientOptions { PublicEndpoint = new Uri(endpoint) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.ParamName, Is.EqualTo("PublicEndpoint"));
        Assert.That(error.Message, Does.StartWith("UpbitClientOptions.PublicEndpoint must be a ws:// or wss:// URI, not " + new Uri(endpoint).Scheme + "://"));
    }

    [Test]
    public void Validate_FtpPrivateEndpoint_ThrowsNamingPrivateEndpoint()
    {
        var options = new UpbitClientOptions { PrivateEndpoint = new Uri("ftp://example.invalid/private") };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.ParamName, Is.EqualTo("PrivateEndpoint"));
    }

    [Test]
    public void Validate_RelativeEndpoint_Throws()
    {
        var options = new UpbitClientOptions { PublicEndpoint = new Uri("/websocket/v1", UriKind.Relative) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Contain("absolute ws:// or wss:// URI"));
    }

    [Test]
    public void Validate_EndpointWithUserInfo_KeepsItOutOfTheMessage()
    {
        var options = new UpbitClientOptions { PublicEndpoint = new Uri("https://me:hunter2@api.upbit.com/websocket/v1") };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.Message, Does.Not.Contain("hunter2"));
    }

    [TestCase("wss://api.upbit.com/websocket/v1")]
    [TestCase("ws://127.0.0.1:5000/websocket/v1")]
    public void Validate_WebSocketEndpoints_Pass(string endpoint)
    {
        var options = new UpbitClientOptions { PublicEndpoint = new Uri(endpoint), PrivateEndpoint = new Uri(endpoint + "/private") };

        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void Constructor_HttpPublicEndpoint_ThrowsBeforeAnythingConnects()
    {
        var options = new UpbitClientOptions { PublicEndpoint = new Uri("https://api.upbit.com/v1"), Scheduler = new TestScheduler() };

        Assert.Throws<ArgumentException>(() => new UpbitClient(options).Dispose());
    }

    [Test]
    public void Dispose_WithMeterFactory_LeavesTheFactoryMeterToTheFactory()
    {
        using var factory = new RecordingMeterFactory();
        var client = new UpbitClient(new UpbitClientOptions { MeterFactory = factory, Scheduler = new TestScheduler() });
        var counters = new List<string>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, l) => counters.Add(instrument.Name) };
        listener.Start();

        client.Dispose();
        using var late = new MeterListener { InstrumentPublished = (instrument, l) => counters.Add("late " + instrument.Name) };
        late.Start();

        Assert.That(factory.Created, Has.Count.EqualTo(1));
        Assert.That(factory.Created[0].Name, Is.EqualTo(UpbitClient.MeterName));
        Assert.That(counters, Does.Contain("upbit.frames.received").And.Contain("late upbit.frames.received"));
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
