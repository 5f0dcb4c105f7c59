using System.Diagnostics.CodeAnalysis;

namespace Upbit.Rx.Operators;

/// <summary>Runs a user key selector for the per-key operators, turning a throw into a value they can end the sequence with.</summary>
internal static class KeySelection
{
    /// <summary>
    /// Selects the key of <paramref name="value"/>; returns <see langword="false"/> with the selector's exception when it
    /// throws. NB: the per-key operators then end the sequence with that exception, as Rx's GroupBy does.
    /// </summary>
    public static bool TrySelect<T, TKey>(Func<T, TKey> selector, T value, [MaybeNullWhen(false)] out TKey key, [NotNullWhen(false)] out Exception? error)
    {
        try
        {
            key = selector(value);
            error = null;
            return true;
        }
#pragma warning disable CA1031 // NB: any exception from user code becomes the sequence's error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            key = default;
            error = ex;
            return false;
        }
    }
}
