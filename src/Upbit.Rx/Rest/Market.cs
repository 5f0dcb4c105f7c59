namespace Upbit.Rx.Streams;

/// <summary>
/// One tradable pair from the market list (<c>GET /v1/market/all</c>, <see cref="UpbitRestClient.GetMarketsAsync"/>).
/// </summary>
public sealed record Market
{
    /// <summary>The pair code, for example <c>KRW-BTC</c> (<c>market</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The Korean name (<c>korean_name</c>); <see langword="null"/> on hosts that do not send it (Singapore, Indonesia, Thailand).</summary>
    public required string? KoreanName { get; init; }

    /// <summary>The English name (<c>english_name</c>).</summary>
    public required string EnglishName { get; init; }

    /// <summary>
    /// The warnings on the pair (<c>market_event</c>); <see langword="null"/> unless the list was requested with details,
    /// and on hosts that send the legacy <see cref="Warning"/> instead.
    /// </summary>
    public required MarketEvent? Event { get; init; }

    /// <summary>The legacy investment warning (<c>market_warning</c>), sent by the regional hosts and by older
    /// responses; <see langword="null"/> when not sent.</summary>
    public required MarketWarning? Warning { get; init; }
}
