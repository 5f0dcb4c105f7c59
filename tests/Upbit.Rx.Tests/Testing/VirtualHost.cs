using NUnit.Framework;
using System.Net.WebSockets;
using Microsoft.Reactive.Testing;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Testing.Scenarios;

using Upbit.Rx.Transport;

namespace Upbit.Rx.Tests.Testing;

/// <summary>The in-memory host: the exchange's transport seam on a TestScheduler; waiting advances virtual time.</summary>
public sealed class VirtualHost : IExchangeHost
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public VirtualHost(FakeExchangeOptions options)
    {
        Scheduler = new TestScheduler();
        Exchange = new FakeUpbitExchange(options with { Scheduler = Scheduler });
    }

    public TestScheduler Scheduler { get; }

    public FakeUpbitExchange Exchange { get; }

    public Task<IFakeClient> ConnectAsync(bool isPrivate = false, string? authorization = null)
    {
        var headers = authorization is null ? [] : new[] { KeyValuePair.Create("Authorization", authorization) };
        var endpoint = isPrivate ? FakeUpbitExchange.PrivateEndpoint : FakeUpbitExchange.PublicEndpoint;
        var client = new VirtualClient(this);
        client.Attach(Exchange.Transport.Connect(new TransportRequest(endpoint, headers, false, 1 << 20)));
        Until(() => client.Channel is not null || client.Failure is not null);
        if (client.Failure is { } failure)
        {
            throw failure;
        }

        Assert.That(client.Channel, Is.Not.Null, "the in-memory connect neither opened nor failed");
        return Task.FromResult<IFakeClient>(client);
    }

    public Task PassAsync(TimeSpan span)
    {
        Scheduler.AdvanceBy(span.Ticks);
        return Task.CompletedTask;
    }

    /// <summary>Advances in small steps until <paramref name="done"/> holds or the patience runs out.</summary>
    public void Until(Func<bool> done)
    {
        var limit = Scheduler.Clock + Patience.Ticks;
        while (!done() && Scheduler.Clock < limit)
        {
            Scheduler.AdvanceBy(Step.Ticks);
        }
    }

    public ValueTask DisposeAsync()
    {
        Exchange.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The exception a refused connect surfaces as.</summary>
    public static bool IsRefusal(Exception e, int status) => e is WebSocketException && e.Message.Contains($"'{status}'", StringComparison.Ordinal);
}
