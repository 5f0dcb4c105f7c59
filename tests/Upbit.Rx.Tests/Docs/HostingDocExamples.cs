using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using OpenTelemetry.Metrics;

namespace Upbit.Rx.Tests.Docs;

/// <summary>The examples of docs/hosting.md, compiled (the worker program) and run (registration, options, OpenTelemetry).</summary>
public sealed partial class HostingDocExamples
{
    [Test]
    public void Configure_WithCopy_AppliesAfterBinding()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Upbit:Linger"] = "00:00:10", ["Upbit:Format"] = "Simple" });

        builder.Services.AddUpbitRx(options => options with
        {
            Linger = TimeSpan.FromSeconds(30),                          // code wins over appsettings.json
            RandomSeed = 7,                                             // reproducible reconnect jitter
        });

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;
        Assert.That((options.Linger, options.RandomSeed, options.Format), Is.EqualTo((TimeSpan.FromSeconds(30), (int?)7, WireFormat.Simple)));
    }

    [Test]
    public void OpenTelemetry_AddMeter_ExportsTheClientInstruments()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddUpbitRx(o => o with { Scheduler = new Microsoft.Reactive.Testing.TestScheduler() });
        var exported = new List<Metric>();

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(UpbitClient.MeterName)                        // every instrument in the table above
                .AddConsoleExporter());                                 // or AddOtlpExporter() for a collector

        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported));
        using var host = builder.Build();
        host.Services.GetRequiredService<UpbitClient>();
        var provider = host.Services.GetRequiredService<MeterProvider>();

        Assert.That(provider.ForceFlush(10_000), Is.True);
        Assert.That(exported.Select(m => m.Name), Does.Contain("upbit.frames.received").And.Contain("upbit.subscriptions"));
    }

    /// <summary>Program.cs of the worker example; compiled, not run (it runs until the host is stopped).</summary>
    internal static async Task WorkerProgram(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddUpbitRx();                                  // binds "Upbit", validated when the host starts
        builder.Services.AddHostedService<TickerWorker>();
        using var host = builder.Build();
        await host.RunAsync();                                          // the client is disposed when the host stops
    }

    public sealed partial class TickerWorker(UpbitClient upbit, ILogger<TickerWorker> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var states = upbit.ConnectionStates
                .Subscribe(state => LogState(logger, state));
            using var tickers = upbit.Ticker("KRW-BTC", "KRW-ETH")
                .Subscribe(t => LogTicker(logger, t.Code, t.TradePrice));

            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = stoppingToken.Register(() => stopped.TrySetResult());
            await stopped.Task.ConfigureAwait(false);                    // runs until the host stops
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Upbit {State}")]
        private static partial void LogState(ILogger logger, ConnectionState state);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Code} {Price}")]
        private static partial void LogTicker(ILogger logger, string code, decimal price);
    }
}
