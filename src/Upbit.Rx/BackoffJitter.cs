namespace Upbit.Rx;

/// <summary>How a backoff delay is randomised so that many clients do not retry in lockstep.</summary>
public enum BackoffJitter
{
    /// <summary>No randomness: the delay is exactly the capped exponential value.</summary>
    None,

    /// <summary>Uniformly random between zero and the capped exponential value (best at spreading retries).</summary>
    Full,

    /// <summary>Half the capped exponential value plus a uniformly random amount up to the other half.</summary>
    Equal,
}
