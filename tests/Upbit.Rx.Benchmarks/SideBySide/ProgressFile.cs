using System.IO.MemoryMappedFiles;

namespace Upbit.Rx.Benchmarks.SideBySide;

/// <summary>
/// One counter shared between the server process and a client process through a memory-mapped file: the client
/// writes how many messages it has delivered, the server reads it to keep a bounded window of frames in flight.
/// </summary>
/// <remarks>NB: a file rather than a pipe, so reading the count costs the server nothing but a memory load and the
/// client a memory store per message.</remarks>
internal sealed class ProgressFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private ProgressFile(MemoryMappedFile file)
    {
        _file = file;
        _view = file.CreateViewAccessor(0, sizeof(long));
    }

    public static ProgressFile Create(string path)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        {
            stream.SetLength(4096);
        }

        return Open(path);
    }

    public static ProgressFile Open(string path) =>
        new(MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 4096, MemoryMappedFileAccess.ReadWrite));

    public long Read() => _view.ReadInt64(0);

    public void Write(long delivered) => _view.Write(0, delivered);

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
