namespace Upbit.Rx.Benchmarks.EndToEnd;

/// <summary>One row of the table: a route and how many subscribers share the 200 codes.</summary>
/// <param name="Route">How frames reach the subscribers.</param>
/// <param name="Subscribers">1 (one subscriber of every code) or a multiple of 200 (code <c>j % 200</c> for subscriber <c>j</c>).</param>
internal sealed record Scenario(Route Route, int Subscribers)
{
    /// <summary>Callbacks each frame causes.</summary>
    public int Fanout => Subscribers == 1 ? 1 : Subscribers / TickerBatch.CodeCount;
}
