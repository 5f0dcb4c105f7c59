using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Docs;

public sealed partial class HostingDocTests
{
    private const string Doc = "docs/hosting.md";

    [Test]
    public void Examples_EveryCodeBlockOfTheDoc_IsCompiledInATest()
    {
        Assert.That(DocSnippets.CSharpBlocks(Doc), Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(DocSnippets.MissingFrom(Doc, "tests/Upbit.Rx.Tests/Docs/HostingDocExamples.cs"), Is.Empty);
    }

    [Test]
    public async Task AppSettingsExample_BoundByAddUpbitRx_IsValidAndMeansWhatItSays()
    {
        var json = JsonBlock().Match(File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Doc))).Groups[1].Value;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        builder.Services.AddUpbitRx();
        using var host = builder.Build();

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<UpbitClientOptions>>().Value;
        await host.StopAsync();

        Assert.That((options.Format, options.Linger, options.Reconnect.MaxDelay), Is.EqualTo((WireFormat.Simple, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))));
    }

    [Test]
    public void MetricsTable_ListsEveryInstrumentWithItsUnitAndKind()
    {
        var published = new List<string>();
        using var client = new UpbitClient(new UpbitClientOptions { Scheduler = new TestScheduler() });
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == UpbitClient.MeterName)
                {
                    published.Add($"{instrument.Name}|{instrument.Unit}|{Kind(instrument)}");
                }
            },
        };
        listener.Start();

        var documented = TableRow().Matches(File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Doc)))
            .Select(m => $"{m.Groups[1].Value}|{m.Groups[2].Value}|{m.Groups[3].Value.Trim()}");

        Assert.That(documented, Is.EquivalentTo(published.Distinct()));
    }

    private static string Kind(Instrument instrument) => instrument.GetType().Name switch
    {
        var name when name.StartsWith("ObservableCounter", StringComparison.Ordinal) => "observable counter",
        var name when name.StartsWith("ObservableGauge", StringComparison.Ordinal) => "observable gauge",
        var name when name.StartsWith("ObservableUpDownCounter", StringComparison.Ordinal) => "observable up-down counter",
        var name when name.StartsWith("Counter", StringComparison.Ordinal) => "counter",
        var name when name.StartsWith("Histogram", StringComparison.Ordinal) => "histogram",
        var name => name,
    };

    [GeneratedRegex(@"```json\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^\| `(upbit\.[a-z.]+)` \| `([^`]*)` \| ([a-z -]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
