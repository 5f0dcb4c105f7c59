using System.Globalization;
using System.Xml.Linq;

namespace Upbit.Rx.IntegrationTests.Packaging;

/// <summary>
/// Packs every shipped project once per test run, with a version of its own (so a stale copy in the global package
/// cache can never stand in for it), into a temporary folder that also holds the build output; the repository's
/// bin and obj folders are not touched. <see cref="DeleteAsync"/> removes the folder and the cached copies.
/// </summary>
internal sealed class PackedPackages
{
    public static readonly string[] Shipped = ["Upbit.Rx", "Upbit.Rx.Testing", "Upbit.Rx.Extensions.DependencyInjection", "Upbit.Rx.WebsocketClient", "Upbit.Rx.Cli", "Upbit.Rx.Gateway"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PackedPackages? _packed;

    private PackedPackages(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The temporary folder: <c>packages/</c> (the local source) and <c>artifacts/</c> (build output).</summary>
    public string Root { get; }

    public string Source => Path.Combine(Root, "packages");

    public string Version { get; }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Upbit.Rx.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Upbit.Rx.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The version the repository pins for a package (Directory.Packages.props), so the consumer restores from the cache.</summary>
    public static string PinnedVersion(string id) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;

    public static async Task<PackedPackages> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _packed ??= await PackAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DeleteAsync()
    {
        if (_packed is not { } packed)
        {
            return;
        }

        var (_, locals) = await DotnetProcess.RunAsync(packed.Root, CancellationToken.None, "nuget", "locals", "global-packages", "--list").ConfigureAwait(false);
        var cache = locals.Split(':', 2) is [_, var path] ? path.Trim() : null;
        foreach (var id in Shipped.Where(_ => cache is not null))
        {
            var cached = Path.Combine(cache!, id.ToLowerInvariant(), packed.Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        Directory.Delete(packed.Root, recursive: true);
        _packed = null;
    }

    private static async Task<PackedPackages> PackAsync(CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("upbit-rx-pack-").FullName;
        var version = "0.0.0-packtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var packed = new PackedPackages(root, version);
        // NB: the DI package, the transport and the tool between them build every shipped assembly once (the tool
        // references the gateway); the other three then pack that output.
        foreach (var (project, build) in new[]
        {
            ("Upbit.Rx.Extensions.DependencyInjection", true), ("Upbit.Rx.WebsocketClient", true), ("Upbit.Rx.Cli", true), ("Upbit.Rx", false), ("Upbit.Rx.Testing", false),
            ("Upbit.Rx.Gateway", false),
        })
        {
            string[] args =
            [
                "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", packed.Source,
                "--artifacts-path", Path.Combine(root, "artifacts"), "--disable-build-servers", "-p:Version=" + version,
                .. build ? Array.Empty<string>() : ["--no-build"],
            ];
            var (exitCode, output) = await DotnetProcess.RunAsync(RepositoryRoot(), cancellationToken, args).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} exited with {exitCode}:\n{output}");
            }
        }

        _packed = packed;
        return packed;
    }
}
