using NUnit.Framework;
using Upbit.Rx.Testing;

namespace Upbit.Rx.Tests.Testing.Scenarios;

public abstract partial class FakeExchangeScenarios
{
    [TestCase("hello", "WRONG_FORMAT", "Format 이 맞지 않습니다.")]
    [TestCase("{\"ticket\":\"t\",\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}", "WRONG_FORMAT", "Format 이 맞지 않습니다.")]
    [TestCase("[{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]", "NO_TICKET", "티켓이 존재하지 않거나, 유효하지 않습니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"codes\":[\"KRW-BTC\"]}]", "NO_TYPE", "타입이 존재하지 않거나, 유효하지 않습니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"trade\"}]", "NO_CODES", "코드가 존재하지 않거나, 유효하지 않습니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"nope\",\"codes\":[\"KRW-BTC\"]}]", "INVALID_PARAM", "nope 은 지원하지 않는 타입입니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"myOrder\"}]", "INVALID_PARAM", "myOrder 은 지원하지 않는 타입입니다.")]
    public async Task Error_BadPublicRequest_ErrorFrameThenClose1000(string request, string name, string message)
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync();

        await client.SendAsync(request);

        await AssertErrorThenCloseAsync(client, ErrorJson(name, message));
        Assert.That(host.Exchange.Connections.Single().CloseCode, Is.EqualTo(1000));
    }

    [TestCase("hello", "WRONG_FORMAT", "Requested using wrong format.")]
    [TestCase("[{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]", "NO_TICKET", "Ticket field must be contained.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"trade\"}]", "NO_CODES", "codes field not exists.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"nope\",\"codes\":[]}]", "INVALID_PARAM", "type nope is not supported.")]
    public async Task Error_EnglishProfile_RegionalTexts(string request, string name, string message)
    {
        await using var host = await CreateHostAsync(Quiet with { Language = ErrorLanguage.English });
        await using var client = await host.ConnectAsync();

        await client.SendAsync(request);

        await AssertErrorThenCloseAsync(client, ErrorJson(name, message));
    }

    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"myAsset\",\"codes\":[\"KRW-BTC\"]}]", "WRONG_FORMAT", "Format 이 맞지 않습니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"notice\",\"gossip\"]}]", "INVALID_PARAM", "gossip 은 지원하지 않는 카테고리입니다.")]
    [TestCase("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]", "INVALID_PARAM", "ticker 은 지원하지 않는 타입입니다.")]
    public async Task Error_BadPrivateRequest_ErrorFrameThenClose1000(string request, string name, string message)
    {
        await using var host = await CreateHostAsync(Quiet);
        await using var client = await host.ConnectAsync(isPrivate: true, Requests.Bearer(Quiet.AccessKey, Quiet.SecretKey));

        await client.SendAsync(request);

        await AssertErrorThenCloseAsync(client, ErrorJson(name, message));
    }

    [Test]
    public async Task Error_AfterErrorFrame_FurtherRequestsAndDataIgnored()
    {
        await using var host = await CreateHostAsync(Ticking);
        await using var client = await host.ConnectAsync();

        await client.SendAsync("hello");
        await client.SendAsync(Requests.Ticker("KRW-BTC"));

        await AssertErrorThenCloseAsync(client, ErrorJson("WRONG_FORMAT", "Format 이 맞지 않습니다."));
    }
}
