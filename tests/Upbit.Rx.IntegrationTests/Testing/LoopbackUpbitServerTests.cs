using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>The shared behaviour scenarios over real sockets against the loopback server.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoopbackUpbitServerTests : FakeExchangeScenarios
{
    protected override async Task<IExchangeHost> CreateHostAsync(FakeExchangeOptions options) => await LoopbackHost.StartAsync(options);
}
