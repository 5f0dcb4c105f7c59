using System.Reflection;
using System.Runtime.CompilerServices;

namespace Upbit.Rx.Operators;

/// <summary>Refuses handlers that would keep a weak subscription's owner alive through their own target.</summary>
internal static class OwnerCapture
{
    /// <summary>
    /// Throws when <paramref name="handler"/>'s target is <paramref name="owner"/> (an instance method of the owner, or a
    /// lambda using <c>this</c>) or a compiler-generated closure that holds the owner in a field. Runs once per call.
    /// </summary>
    /// <exception cref="ArgumentException">The handler captures the owner.</exception>
    public static void ThrowIfCaptured(Delegate? handler, object owner, string paramName)
    {
        if (handler?.Target is not { } target)
        {
            return;
        }

        var captured = ReferenceEquals(target, owner)
            || (target.GetType().IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
                && target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Any(f => !f.FieldType.IsValueType && ReferenceEquals(f.GetValue(target), owner)));
        if (captured)
        {
            throw new ArgumentException(
                "The handler captures the owner, which would keep it alive for as long as the source lives. Use a static lambda that takes the owner as its first argument, for example static (self, value) => self.Show(value).",
                paramName);
        }
    }
}
