using System.Text;

namespace Upbit.Rx.Cli.History;

/// <summary>
/// The CSV being written: rows go to a hidden partial file beside the target, which replaces the target only when the
/// export completes, so a failed or interrupted export leaves any existing file as it was and no half file behind.
/// </summary>
internal sealed class ExportFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _path;
    private readonly string _partial;
    private readonly StreamWriter _writer;
    private bool _committed;

    private ExportFile(string path, string partial, StreamWriter writer)
    {
        _path = path;
        _partial = partial;
        _writer = writer;
    }

    /// <summary>Rows written so far, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>Checks the target and opens the partial file with the header row written.</summary>
    /// <exception cref="CliException">The file exists without <paramref name="force"/>, or cannot be written (exit code 4).</exception>
    public static ExportFile Create(string path, bool force, string header)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.File(path, "not a usable file name", e);
        }

        if (File.Exists(full) && !force)
        {
            throw CliException.File(path, "already exists; use --force to overwrite it");
        }

        if (Directory.Exists(full))
        {
            throw CliException.File(path, "is a directory");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw CliException.File(path, $"cannot be written: the folder {folder} does not exist");
        }

        var partial = Path.Combine(folder, "." + Path.GetFileName(full) + ".partial");
        try
        {
            var writer = new StreamWriter(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None), Utf8) { NewLine = "\n" };
            writer.WriteLine(header);
            return new ExportFile(full, partial, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.File(path, "cannot be written: " + e.Message, e);
        }
    }

    public async Task WriteAsync(string row)
    {
        await _writer.WriteLineAsync(row);
        Rows++;
    }

    /// <summary>Flushes and moves the partial file onto the target.</summary>
    /// <exception cref="CliException">The move failed (exit code 4).</exception>
    public async Task CommitAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
        try
        {
            File.Move(_partial, _path, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.File(_path, "cannot be written: " + e.Message, e);
        }
    }

    /// <summary>Closes the file; without a commit, deletes the partial file.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        if (!_committed)
        {
            File.Delete(_partial);
        }
    }
}
