using Upbit.Rx.Streams;

namespace Upbit.Rx;

/// <summary>
/// Pair codes that are not on the market list (<see cref="UpbitClient.Markets"/>). Upbit itself ignores such codes
/// silently, so the client checks them (unless <see cref="UpbitClientOptions.ValidateCodes"/> is off) and fails at once.
/// </summary>
/// <remarks>
/// <para>A stream naming any unlisted code ends with this exception: inside Subscribe when the list is cached, otherwise as
/// soon as the first list arrives (the known codes may have delivered values meanwhile). To go on with the listed codes,
/// subscribe again without <see cref="Codes"/>.</para>
/// <para>A snapshot call that named listed codes too still fetches those before it throws: their answers are in
/// <see cref="KnownResults"/>, in the order the codes were given, so nothing fetched is lost.</para>
/// </remarks>
public sealed class UnknownMarketCodeException : UpbitException
{
    /// <summary>Creates the exception for <paramref name="codes"/>, with the answers for the known codes of the same call.</summary>
    /// <param name="codes">The unknown codes, in the order given.</param>
    /// <param name="knownResults">The answers for the known codes (snapshot calls), or none.</param>
    public UnknownMarketCodeException(IReadOnlyList<string> codes, IReadOnlyList<UpbitMessage> knownResults)
        : base(UpbitClientCondition.UnknownMarketCode, Describe(codes))
    {
        ArgumentNullException.ThrowIfNull(knownResults);
        Codes = codes;
        KnownResults = knownResults;
    }

    /// <summary>The codes that are not listed, in the order given.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>
    /// The answers of the same snapshot call for the codes that are listed (a <see cref="Streams.Ticker"/>,
    /// <see cref="Streams.Orderbook"/>, <see cref="Streams.Trade"/> or <see cref="Streams.Candle"/> each, as the call
    /// asked; use <c>OfType&lt;Ticker&gt;()</c> and the like), in the order given; empty for streams and when no code was known.
    /// </summary>
    public IReadOnlyList<UpbitMessage> KnownResults { get; }

    private static string Describe(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Count == 1
            ? $"'{codes[0]}' is not a listed market code (see UpbitClient.Markets)."
            : $"{string.Join(", ", codes.Select(c => $"'{c}'"))} are not listed market codes (see UpbitClient.Markets).";
    }
}
