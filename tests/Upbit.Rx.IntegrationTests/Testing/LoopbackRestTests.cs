using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.RestScenarios;

namespace Upbit.Rx.IntegrationTests.Testing;

/// <summary>The shared REST scenarios over real HTTP against the loopback server.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LoopbackRestTests : FakeRestScenarios
{
    protected override async Task<IRestHost> CreateHostAsync(FakeExchangeOptions options) => await LoopbackRestHost.StartAsync(options);
}
