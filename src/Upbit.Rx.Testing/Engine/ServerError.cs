namespace Upbit.Rx.Testing.Engine;

/// <summary>One error frame's content: <c>{"error":{"name":Name,"message":Message}}</c>.</summary>
internal sealed record ServerError(string Name, string Message);
