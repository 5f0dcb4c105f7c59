using NUnit.Framework;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    private static readonly string s_invalidAuth = ErrorJson("INVALID_AUTH", "인증 정보가 올바르지 않습니다.");

    [TestCase("HS256")]
    [TestCase("HS512")]
    public async Task Private_ValidToken_MyOrderServedForItsCodesOnlyAndRealtimeOnly(string algorithm)
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(isPrivate: true, Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey, algorithm));

        await client.SendAsync(Requests.Subscribe(Requests.TypeObject("myOrder", ["KRW-BTC"])));
        await host.PassAsync(TimeSpan.FromMilliseconds(100));
        host.Exchange.Publish(PrivateMessages.Order("KRW-ETH", "eth-1"));
        host.Exchange.Publish(PrivateMessages.Order("KRW-BTC", "btc-1"));
        var frames = await client.ReceiveAsync(1);
        await host.PassAsync(TimeSpan.FromMilliseconds(100));

        Assert.That(frames[0].Message, Is.EqualTo(PrivateMessages.Order("KRW-BTC", "btc-1")));
        Assert.That(client.Frames, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Private_MyOrderWithoutCodesAndMyAsset_AllOrdersAndAssetsServed()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(isPrivate: true, Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey));

        await client.SendAsync("[{\"ticket\":\"p\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");
        await host.PassAsync(TimeSpan.FromMilliseconds(100));
        host.Exchange.Publish(PrivateMessages.Order("KRW-ETH", "eth-1"));
        host.Exchange.Publish(PrivateMessages.Asset());
        var frames = await client.ReceiveAsync(2);

        Assert.That(frames.Select(f => f.Message), Is.EqualTo(new UpbitMessage[] { PrivateMessages.Order("KRW-ETH", "eth-1"), PrivateMessages.Asset() }));
    }

    [Test]
    public async Task Private_Announcement_FilteredByCategoryAndBodyOnlyWhenAsked()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(isPrivate: true, Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey));

        await client.SendAsync("[{\"ticket\":\"p\"},{\"type\":\"announcement\",\"categories\":[\"maintenance\"]}]");
        await host.PassAsync(TimeSpan.FromMilliseconds(100));
        host.Exchange.Publish(PrivateMessages.Notice("event", "x"));
        host.Exchange.Publish(PrivateMessages.Notice("maintenance", "점검"));
        var frames = await client.ReceiveAsync(1);
        await host.PassAsync(TimeSpan.FromMilliseconds(100));

        Assert.That(frames[0].Message, Is.EqualTo(PrivateMessages.Notice("maintenance", null)));
        Assert.That(client.Frames, Has.Count.EqualTo(1));
    }

    [TestCase("none")]
    [TestCase("Bearer not-a-jwt")]
    [TestCase("wrong-secret")]
    [TestCase("wrong-key")]
    [TestCase("no-nonce")]
    [TestCase("HS384")]
    public async Task Private_MissingOrInvalidToken_InvalidAuthThenClose1000(string token)
    {
        await using var host = await CreateHostAsync(Quiet);
        var authorization = token switch
        {
            "wrong-secret" => Requests.Bearer(Quiet.AccessKey, "not-the-secret"),
            "wrong-key" => Requests.Bearer("someone-else", Quiet.SecretKey),
            "no-nonce" => Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey, withNonce: false),
            "HS384" => Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey, "HS384"),
            "none" => null,
            _ => token,
        };
        await using var client = await host.ConnectAsync(isPrivate: true, authorization);

        await AssertErrorThenCloseAsync(client, s_invalidAuth);
    }

    [Test]
    public async Task Private_RefuseUpgradeOption_ConnectFailsWith401()
    {
        await using var host = await CreateHostAsync(Quiet with { AuthFailure = AuthFailureBehavior.RefuseUpgrade });

        var error = await CatchAsync(() => host.ConnectAsync(isPrivate: true));

        Assert.That(error?.Message, Does.Contain("'401'"));
        Assert.That(host.Exchange.Connections, Is.Empty);
    }

    [Test]
    public async Task Public_WithAuthorizationHeader_AcceptedAndIgnored()
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(authorization: "Bearer whatever");

        await client.SendAsync(Requests.Ticker("KRW-BTC"));
        var frames = await client.ReceiveAsync(1);

        Assert.That(frames[0].Message, Is.EqualTo(host.Exchange.Market.Ticker("KRW-BTC")));
    }

    protected static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
