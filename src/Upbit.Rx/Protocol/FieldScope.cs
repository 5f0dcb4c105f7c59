namespace Upbit.Rx.Protocol;

/// <summary>
/// Where a key can appear. NB: SIMPLE abbreviations repeat across scopes with different meanings (<c>ap</c> is
/// <c>avg_price</c> at the top level but <c>ask_price</c> inside <c>obu</c>), so each scope has its own lookup.
/// </summary>
internal enum FieldScope
{
    Message,
    OrderbookUnit,
    Asset,
    SubscriptionEntry,
    Error,
}
