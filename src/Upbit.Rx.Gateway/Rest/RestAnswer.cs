namespace Upbit.Rx.Gateway.Rest;

/// <summary>One upstream REST answer as the proxy replays it: status, content type and body bytes (immutable).</summary>
internal sealed record RestAnswer(int Status, string? ContentType, byte[] Body);
