namespace Upbit.Rx.Testing.Market;

/// <summary>FNV-1a over a string and integers: the same input gives the same value in every process
/// (unlike <see cref="string.GetHashCode()"/>), which keeps seeded markets reproducible.</summary>
internal static class StableHash
{
    public static uint Of(string text, params ReadOnlySpan<long> values)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        foreach (var value in values)
        {
            for (var shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ (uint)((value >> shift) & 0xFF)) * 16777619u;
            }
        }

        return hash;
    }

    /// <summary>A deterministic fraction in [0, 1) from the inputs.</summary>
    public static double Unit(string text, params ReadOnlySpan<long> values) => Of(text, values) / 4294967296.0;
}
