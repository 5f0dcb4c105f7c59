using NUnit.Framework;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.RestScenarios;

namespace Upbit.Rx.Tests.Testing;

/// <summary>The shared REST scenarios against the in-memory handler on a TestScheduler.</summary>
[TestFixture]
public sealed class FakeExchangeRestTests : FakeRestScenarios
{
    protected override Task<IRestHost> CreateHostAsync(FakeExchangeOptions options) => Task.FromResult<IRestHost>(new VirtualRestHost(options));
}
