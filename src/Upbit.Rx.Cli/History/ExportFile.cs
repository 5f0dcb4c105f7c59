using System.Text;

namespace Upbit.Rx.Cli.History;

/// <summary>
/// The CSV being written. Rows arrive newest first (as Upbit pages) and go to a hidden partial file beside the target;
/// when the export completes they are copied oldest first under the header into a second hidden file, which then
/// replaces the target. A failed or interrupted export leaves any existing file as it was and no half file behind.
/// </summary>
internal sealed class ExportFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _path;
    private readonly string _partial;
    private readonly string _ordered;
    private readonly string _header;
    private readonly StreamWriter _writer;
    private bool _committed;

    private ExportFile(string path, string partial, string header, StreamWriter writer)
    {
        _path = path;
        _partial = partial;
        _ordered = partial + ".ordered";
        _header = header;
        _writer = writer;
    }

    /// <summary>Rows written so far, not counting the header.</summary>
    public long Rows { get; private set; }

    /// <summary>Checks the target and opens the partial file for the rows.</summary>
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
            return new ExportFile(full, partial, header, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.File(path, "cannot be written: " + e.Message, e);
        }
    }

    /// <summary>Appends one row; rows are given newest first and end up oldest first in the target.</summary>
    public async Task WriteAsync(string row)
    {
        await _writer.WriteLineAsync(row);
        Rows++;
    }

    /// <summary>Writes the header and the rows oldest first, then moves that file onto the target.</summary>
    /// <exception cref="CliException">Writing or the move failed (exit code 4).</exception>
    public async Task CommitAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
        try
        {
            await using (var rows = new FileStream(_partial, FileMode.Open, FileAccess.Read, FileShare.None))
            await using (var ordered = new FileStream(_ordered, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await ordered.WriteAsync(Utf8.GetBytes(_header + "\n"));
                await LineReverser.CopyReversedAsync(rows, ordered);
            }

            File.Move(_ordered, _path, overwrite: true);
            File.Delete(_partial);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.File(_path, "cannot be written: " + e.Message, e);
        }
    }

    /// <summary>Closes the file; without a commit, deletes the hidden files.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        if (!_committed)
        {
            File.Delete(_partial);
            File.Delete(_ordered);
        }
    }
}
