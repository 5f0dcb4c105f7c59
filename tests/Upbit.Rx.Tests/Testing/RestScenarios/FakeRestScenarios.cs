using System.Text.Json;
using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.RestScenarios;

/// <summary>
/// The REST half of the fake exchange (protocol reference §7 and the REST items of §10), written once and run against
/// both hosts: in memory on a TestScheduler, and the loopback server with a plain <see cref="HttpClient"/>.
/// </summary>
public abstract partial class FakeRestScenarios
{
    /// <summary>A market that does not tick (each pair has its one opening trade), so REST and socket answers are stable.</summary>
    protected static FakeExchangeOptions Quiet { get; } = new()
    {
        IdleTimeout = TimeSpan.FromSeconds(5),
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromHours(1) },
    };

    /// <summary>A market with 20 minutes of history at two trades a second (2,400 trades and 1,200 one-second candles
    /// per code) that keeps ticking slowly.</summary>
    protected static FakeExchangeOptions WithHistory { get; } = Quiet with
    {
        Market = new MarketSimulatorOptions { TickInterval = TimeSpan.FromMilliseconds(500), History = TimeSpan.FromMinutes(20) },
    };

    protected abstract Task<IRestHost> CreateHostAsync(FakeExchangeOptions options);

    protected static async Task<RestAnswer> GetAsync(IRestHost host, string pathAndQuery, Action<HttpRequestMessage>? configure = null) =>
        await RestAnswer.ReadAsync(await host.GetAsync(pathAndQuery, configure));

    /// <summary>A recorded real response (a fixture copied from the shared samples).</summary>
    protected static JsonElement Sample(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name))).RootElement;

    protected static string ErrorBody(int status, string message) =>
        "{\"error\":{\"name\":" + status + ",\"message\":\"" + message + "\"}}";
}
