using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace Upbit.Rx.IntegrationTests.Packaging;

/// <summary>
/// What <c>dotnet pack</c> ships, checked as a user receives it: each package's metadata and files, and the README's
/// virtual-time example run in a fresh project that knows the packages only through a local package source.
/// Slow (pack, restore, build); restores from the global package cache that the solution's own restore filled.
/// </summary>
[Category("Pack")]
[NonParallelizable]
public sealed partial class PackageTests
{
    [OneTimeTearDown]
    public static Task DeletePackages() => PackedPackages.DeleteAsync();

    [TestCaseSource(typeof(PackedPackages), nameof(PackedPackages.Shipped))]
    [CancelAfter(480_000)]
    public async Task Pack_ShippedProject_HasLicenceReadmeMetadataAndSymbols(string id, CancellationToken cancellationToken)
    {
        var packed = await PackedPackages.GetAsync(cancellationToken);
        var package = Path.Combine(packed.Source, $"{id}.{packed.Version}.nupkg");
        var symbols = Path.Combine(packed.Source, $"{id}.{packed.Version}.snupkg");

        using var zip = ZipFile.OpenRead(package);
        var files = zip.Entries.Select(e => e.FullName).ToList();
        XNamespace ns = XDocument.Load(zip.GetEntry(id + ".nuspec")!.Open()).Root!.Name.Namespace;
        var metadata = XDocument.Load(zip.GetEntry(id + ".nuspec")!.Open()).Root!.Element(ns + "metadata")!;
        using var symbolZip = ZipFile.OpenRead(symbols);
        var assembly = id == "Upbit.Rx.Cli" ? "upbit-rx" : id;

        Assert.That(files, Does.Contain("README.md").And.Contain("LICENSE"));
        Assert.That(metadata.Element(ns + "license")?.Value, Is.EqualTo("MIT"));
        Assert.That(metadata.Element(ns + "license")?.Attribute("type")?.Value, Is.EqualTo("expression"));
        Assert.That(metadata.Element(ns + "readme")?.Value, Is.EqualTo("README.md"));
        Assert.That(new[] { "description", "tags", "releaseNotes", "authors" }.Select(e => string.IsNullOrWhiteSpace(metadata.Element(ns + e)?.Value)), Is.All.False);
        Assert.That(symbolZip.Entries.Select(e => e.Name), Does.Contain(assembly + ".pdb"));
        Assert.That(files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)), id == "Upbit.Rx.Cli" ? Is.Not.Empty : Is.Empty, "library symbols belong in the .snupkg");
        Assert.That(IsDeterministic(zip, assembly), Is.True, "the packed assembly must come from a deterministic build");
    }

    [Test]
    [CancelAfter(480_000)]
    public async Task Pack_WebsocketClient_DependsOnUpbitRxAndWebsocketClient(CancellationToken cancellationToken)
    {
        var packed = await PackedPackages.GetAsync(cancellationToken);
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Source, $"Upbit.Rx.WebsocketClient.{packed.Version}.nupkg"));

        var dependencies = XDocument.Load(zip.GetEntry("Upbit.Rx.WebsocketClient.nuspec")!.Open()).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);

        Assert.That(dependencies.Keys, Is.SupersetOf(new[] { "Upbit.Rx", "Websocket.Client" }));
        Assert.That((dependencies["Upbit.Rx"], dependencies["Websocket.Client"]), Is.EqualTo((packed.Version, PackedPackages.PinnedVersion("Websocket.Client"))));
    }

    /// <summary>
    /// Whether the packed assembly's debug directory carries the <c>Reproducible</c> entry, which the compiler writes only
    /// for deterministic builds.
    /// </summary>
    private static bool IsDeterministic(ZipArchive zip, string assembly)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/" + assembly + ".dll", StringComparison.Ordinal));
        using var image = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var reader = new System.Reflection.PortableExecutable.PEReader(image);
        return reader.ReadDebugDirectory().Any(d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.Reproducible);
    }

    [Test]
    [CancelAfter(480_000)]
    public async Task Pack_Cli_IsADotnetToolNamedUpbitRx(CancellationToken cancellationToken)
    {
        var packed = await PackedPackages.GetAsync(cancellationToken);
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Source, $"Upbit.Rx.Cli.{packed.Version}.nupkg"));

        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());

        Assert.That(settings.Descendants("Command").Select(c => c.Attribute("Name")?.Value), Is.EqualTo(new[] { "upbit-rx" }));
    }

    [Test]
    [CancelAfter(480_000)]
    public async Task Pack_Testing_DependsOnReactiveTestingAndTheRxFacades(CancellationToken cancellationToken)
    {
        var packed = await PackedPackages.GetAsync(cancellationToken);
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Source, $"Upbit.Rx.Testing.{packed.Version}.nupkg"));

        var dependencies = XDocument.Load(zip.GetEntry("Upbit.Rx.Testing.nuspec")!.Open()).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value);

        Assert.That(dependencies, Is.SupersetOf(new[]
        {
            "Upbit.Rx", "Microsoft.Reactive.Testing", "System.Reactive.Core", "System.Reactive.Linq", "System.Reactive.Interfaces", "System.Reactive.PlatformServices",
        }));
    }

    [Test]
    [CancelAfter(480_000)]
    public async Task ReadmeVirtualTimeExample_InAFreshProjectOnTheLocalSource_Passes(CancellationToken cancellationToken)
    {
        var packed = await PackedPackages.GetAsync(cancellationToken);
        var readme = await File.ReadAllTextAsync(Path.Combine(PackedPackages.RepositoryRoot(), "README.md"), cancellationToken);
        var example = VirtualTimeExample().Match(readme);
        Assert.That(example.Success, Is.True, "README has no C# block under '## Testing in virtual time'");
        var consumer = Directory.CreateDirectory(Path.Combine(packed.Root, "consumer")).FullName;
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), NuGetConfig(packed.Source), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject(packed.Version), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(consumer, "ReadmeExample.cs"), TestSource(example.Groups[1].Value), cancellationToken);

        var (exitCode, output) = await DotnetProcess.RunAsync(consumer, cancellationToken, "test", "--disable-build-servers");

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Match(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1,"));
    }

    // NB: no <clear/>: the default source stays for everything that is not ours (served from the cache in CI).
    private static string NuGetConfig(string source) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="upbit-rx-local" value="{source}" />
          </packageSources>
        </configuration>
        """;

    // NB: only Upbit.Rx.Testing (the README's `dotnet add package` line) and the test framework: TestScheduler and the
    // Rx facades it needs at run time must come through the kit's own dependencies.
    private static string ConsumerProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <IsTestProject>true</IsTestProject>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Upbit.Rx.Testing" Version="{version}" />
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{PackedPackages.PinnedVersion("Microsoft.NET.Test.Sdk")}" />
            <PackageReference Include="NUnit" Version="{PackedPackages.PinnedVersion("NUnit")}" />
            <PackageReference Include="NUnit3TestAdapter" Version="{PackedPackages.PinnedVersion("NUnit3TestAdapter")}" />
          </ItemGroup>
        </Project>
        """;

    private static string TestSource(string example) => $$"""
        using Microsoft.Reactive.Testing;
        using NUnit.Framework;
        using Upbit.Rx;
        using Upbit.Rx.Testing;

        namespace Consumer;

        public sealed class ReadmeExample
        {
            [Test]
            public void VirtualTime()
            {
        {{example}}
            }
        }
        """;

    [GeneratedRegex(@"## Testing in virtual time.*?```csharp\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex VirtualTimeExample();
}
