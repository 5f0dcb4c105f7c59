using System.Buffers;
using Newtonsoft.Json;

namespace Upbit.Rx.Protocol;

/// <summary>Lends Newtonsoft.Json's reader and writer buffers from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static JsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
