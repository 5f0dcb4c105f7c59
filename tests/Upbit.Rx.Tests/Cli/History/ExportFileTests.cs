using NUnit.Framework;
using Upbit.Rx.Cli;
using Upbit.Rx.Cli.History;

namespace Upbit.Rx.Tests.Cli.History;

public sealed class ExportFileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("upbit-rx-export-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Commit_Rows_FileHasHeaderThenRowsAndNoPartialIsLeft()
    {
        var path = Path.Combine(_folder, "out.csv");
        using (var file = ExportFile.Create(path, force: false, "a,b"))
        {
            await file.WriteAsync("1,2");
            await file.WriteAsync("3,4");
            await file.CommitAsync();
        }

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("a,b\n3,4\n1,2\n"), "rows come newest first and are stored oldest first");
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task Dispose_WithoutCommit_ExistingFileUntouchedAndPartialRemoved()
    {
        var path = Path.Combine(_folder, "out.csv");
        await File.WriteAllTextAsync(path, "earlier export");
        using (var file = ExportFile.Create(path, force: true, "a,b"))
        {
            await file.WriteAsync("1,2");
        }

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("earlier export"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task Create_ExistingFileWithoutForce_FileErrorAndFileKept()
    {
        var path = Path.Combine(_folder, "out.csv");
        await File.WriteAllTextAsync(path, "keep me");

        var error = Assert.Throws<CliException>(() => ExportFile.Create(path, force: false, "a,b"));

        Assert.That((error!.ExitCode, error.Message), Is.EqualTo((ExitCodes.FileProblem, $"{path}: already exists; use --force to overwrite it")));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("keep me"));
    }

    [Test]
    public void Create_MissingFolder_FileErrorNamingIt()
    {
        var path = Path.Combine(_folder, "missing", "out.csv");

        var error = Assert.Throws<CliException>(() => ExportFile.Create(path, force: false, "a,b"));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.FileProblem));
        Assert.That(error.Message, Does.Contain("does not exist").And.Contain(Path.Combine(_folder, "missing")));
    }

    [Test]
    public void Create_PathIsAFolder_FileError()
    {
        Assert.That(Assert.Throws<CliException>(() => ExportFile.Create(_folder, force: true, "a,b"))!.ExitCode, Is.EqualTo(ExitCodes.FileProblem));
    }
}
