using System.Text.Json;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

/// <summary>A REST answer read whole: status, body text, headers, and the body as a JSON document when it is one.</summary>
public sealed record RestAnswer(int Status, string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public static async Task<RestAnswer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new RestAnswer((int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), headers);
        }
    }

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<JsonElement> Items => [.. Json.EnumerateArray()];

    /// <summary>The property names of an object, in order.</summary>
    public static IReadOnlyList<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
