namespace Upbit.Rx.Testing.Engine;

/// <summary>One live (code, type object) pair of a connection: where a realtime message for that code goes.</summary>
internal sealed record Route(TypeSubscription Subscription, CodeTarget Target);
