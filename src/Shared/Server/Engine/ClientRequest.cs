namespace Upbit.Rx.Server;

/// <summary>A valid request frame: a subscription, or a LIST_SUBSCRIPTIONS query.</summary>
/// <param name="Ticket">The ticket value as text.</param>
/// <param name="Format">The format object's value, or <see langword="null"/> when the request has none.</param>
/// <param name="IsListSubscriptions">Whether the request is <c>{"method":"LIST_SUBSCRIPTIONS"}</c>.</param>
/// <param name="Types">The data type objects in request order (empty for LIST_SUBSCRIPTIONS).</param>
internal sealed record ClientRequest(
    string Ticket,
    WireFormat? Format,
    bool IsListSubscriptions,
    IReadOnlyList<TypeSubscription> Types);
