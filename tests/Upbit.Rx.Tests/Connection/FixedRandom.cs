namespace Upbit.Rx.Tests.Connection;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> always returns the given value.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public int Calls { get; private set; }

    public override double NextDouble()
    {
        Calls++;
        return value;
    }
}
