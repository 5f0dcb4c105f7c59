using Upbit.Rx.Testing.Market;

namespace Upbit.Rx.Testing;

/// <summary>The market's memory, read by the REST quotation API under the same gate as the ticks that write it.</summary>
public sealed partial class MarketSimulator
{
    /// <summary>The market's current time (virtual time shifted to <see cref="MarketSimulatorOptions.VirtualEpoch"/>).</summary>
    internal DateTimeOffset Now => _clock.Now;

    /// <summary>Reads a listed pair's state atomically with respect to market ticks.</summary>
    /// <exception cref="KeyNotFoundException">The code is not listed.</exception>
    internal T Read<T>(string code, Func<SimulatedPair, T> read)
    {
        lock (_gate)
        {
            return read(_pairs[code]);
        }
    }

    /// <summary>Trades every pair at <paramref name="at"/> as a tick would, without publishing: the history the
    /// market had before its start (<see cref="MarketSimulatorOptions.History"/>).</summary>
    private void Replay(DateTimeOffset at)
    {
        lock (_gate)
        {
            foreach (var pair in _pairs.Values)
            {
                for (var i = 0; i < _options.TradesPerTick; i++)
                {
                    pair.Step(at);
                }

                pair.RefreshBook();
            }
        }
    }
}
