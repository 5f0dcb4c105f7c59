namespace Upbit.Rx.Server;

/// <summary>One code of a type object, with an orderbook <c>.N</c> suffix resolved.</summary>
/// <param name="Code">The code without suffix, exactly as sent otherwise (case is not changed: lower case is unknown).</param>
/// <param name="Units">Orderbook unit count: N for a suffix N ∈ {1, 5, 15, 30}, otherwise 30; 0 for other types.</param>
internal readonly record struct CodeTarget(string Code, int Units);
