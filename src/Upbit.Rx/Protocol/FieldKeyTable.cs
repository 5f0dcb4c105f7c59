using Newtonsoft.Json;

namespace Upbit.Rx.Protocol;

/// <summary>
/// The <see cref="JsonTextReader.PropertyNameTable"/> of one decoder: hands back the interned keys of
/// <see cref="WireNames"/> (null for any other key, so the reader allocates it as usual) and remembers the number of
/// the key it found last, so the decoder finds the field without hashing the key a second time. Not thread-safe: one
/// per decoder.
/// </summary>
internal sealed class FieldKeyTable : JsonNameTable
{
    /// <summary>The number of the last key <see cref="Get"/> found, or -1 if it found none.</summary>
    public int LastKey { get; private set; } = -1;

    /// <summary>
    /// The slot the property name the reader just returned is stored in within <paramref name="scope"/>. NB: sound
    /// because the reader consults the table once per property name, right before returning it; the key's identity
    /// is checked too, so a stale number can only miss, never hit the wrong field.
    /// </summary>
    public bool TryFind(FieldScope scope, string key, out FieldId slot) => WireNames.TryFind(scope, LastKey, key, out slot);

    /// <inheritdoc/>
    public override string? Get(char[] key, int start, int length)
    {
        if (WireNames.TryFindKey(key.AsSpan(start, length), out var known, out var number))
        {
            LastKey = number;
            return known;
        }

        LastKey = -1;
        return null;
    }
}
