using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.DependencyInjection;

public sealed class AddUpbitRxTests
{
    private const string Secret = "s3cr3t-SECRET-key-0123456789abcdef";

    [Test]
    public void AddUpbitRx_UpbitSection_BindsEndpointsFormatReconnectLingerAndCredentials()
    {
        using var host = Build(new()
        {
            ["Upbit:PublicEndpoint"] = "ws://127.0.0.1:5001/websocket/v1",
            ["Upbit:PrivateEndpoint"] = "ws://127.0.0.1:5001/websocket/v1/private",
            ["Upbit:Format"] = "Simple",
            ["Upbit:Reconnect:InitialDelay"] = "00:00:00.5",
            ["Upbit:Reconnect:MaxDelay"] = "00:00:30",
            ["Upbit:Linger"] = "00:00:30",
            ["Upbit:Credentials:AccessKey"] = "access-key-1234",
            ["Upbit:Credentials:SecretKey"] = Secret,
        });

        var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;

        Assert.That(
            (options.PublicEndpoint.ToString(), options.PrivateEndpoint.ToString(), options.Format, options.Reconnect.InitialDelay, options.Reconnect.MaxDelay, options.Linger, options.Credentials?.AccessKey),
            Is.EqualTo(("ws://127.0.0.1:5001/websocket/v1", "ws://127.0.0.1:5001/websocket/v1/private", WireFormat.Simple, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), "access-key-1234")));
    }

    [Test]
    public void AddUpbitRx_NoSection_KeepsEveryDefault()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;

        Assert.That(options with { Scheduler = new UpbitClientOptions().Scheduler }, Is.EqualTo(new UpbitClientOptions() with { Reconnect = options.Reconnect }));
        Assert.That(options.Reconnect, Is.EqualTo(new BackoffOptions()));
    }

    [Test]
    public void AddUpbitRx_Configure_ChangesTheBoundOptions()
    {
        var scheduler = new TestScheduler();
        using var host = Build(new() { ["Upbit:Linger"] = "00:00:30" }, o => o with { Scheduler = scheduler, Format = WireFormat.SimpleList });

        var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;

        Assert.That((options.Linger, options.Format, options.Scheduler), Is.EqualTo((TimeSpan.FromSeconds(30), WireFormat.SimpleList, (object)scheduler)));
    }

    [Test]
    public void AddUpbitRx_EnvironmentVariables_SupplyTheCredentials()
    {
        var prefix = "UPBITRX_TEST_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "Upbit__Credentials__AccessKey", "env-access-key");
        Environment.SetEnvironmentVariable(prefix + "Upbit__Credentials__SecretKey", Secret);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Services.AddUpbitRx();
            using var host = builder.Build();

            var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;

            Assert.That(options.Credentials?.AccessKey, Is.EqualTo("env-access-key"));
            Assert.That(options.ToString(), Does.Not.Contain(Secret));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Upbit__Credentials__AccessKey", null);
            Environment.SetEnvironmentVariable(prefix + "Upbit__Credentials__SecretKey", null);
        }
    }

    [TestCase("PublicEndpoint", "http://api.upbit.com/websocket/v1", "UpbitClientOptions.PublicEndpoint must be a ws:// or wss:// URI, not http://")]
    [TestCase("PrivateEndpoint", "https://api.upbit.com/websocket/v1/private", "UpbitClientOptions.PrivateEndpoint must be a ws:// or wss:// URI, not https://")]
    [TestCase("Linger", "-00:00:01", "Linger")]
    [TestCase("Reconnect:MaxDelay", "00:00:00.001", "BackoffOptions.MaxDelay must be at least InitialDelay")]
    public async Task StartAsync_InvalidOption_StopsTheHostWithTheOptionsMessage(string key, string value, string message)
    {
        using var host = Build(new() { ["Upbit:" + key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public async Task StartAsync_HalfTheCredentials_FailsWithoutShowingTheSecret()
    {
        using var host = Build(new() { ["Upbit:Credentials:SecretKey"] = Secret });

        var error = await Assert.CatchAsync<Exception>(() => host.StartAsync());

        Assert.That(error!.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public void GetService_Twice_ReturnsOneClientBuiltOnTheHostLoggerFactoryAndMeterFactory()
    {
        var categories = new List<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddUpbitRx(o => o with { Scheduler = new TestScheduler() });
        builder.Logging.AddProvider(new CategoryRecorder(categories));
        using var host = builder.Build();
        var meters = new List<Meter>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, _) => meters.Add(instrument.Meter) };
        listener.Start();
        meters.Clear();   // NB: Start reports instruments that already exist, such as those of clients other tests left undisposed

        var first = host.Services.GetRequiredService<UpbitClient>();
        var second = host.Services.GetRequiredService<UpbitClient>();

        Assert.That(second, Is.SameAs(first));
        Assert.That(categories, Does.Contain("Upbit.Rx"));
        var upbitMeters = meters.Where(m => m.Name == UpbitClient.MeterName).Distinct().ToList();
        Assert.That(upbitMeters.Select(m => m.Scope), Is.EqualTo(new object[] { host.Services.GetRequiredService<IMeterFactory>() }));
    }

    [Test]
    public async Task DisposeAsync_Host_DisposesTheClient()
    {
        var host = Build([], o => o with { Scheduler = new TestScheduler() });
        var client = host.Services.GetRequiredService<UpbitClient>();
        var completed = false;
        using var states = client.ConnectionStates.Subscribe(_ => { }, () => completed = true);

        await host.StartAsync();
        await host.StopAsync();
        Assert.That(completed, Is.False);
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Assert.That(completed, Is.True);
    }

    private static IHost Build(Dictionary<string, string?> settings, Func<UpbitClientOptions, UpbitClientOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddUpbitRx(configure);
        return builder.Build();
    }

    private sealed class CategoryRecorder(List<string> categories) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName)
        {
            categories.Add(categoryName);
            return Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public void Dispose()
        {
        }
    }
}
