using NUnit.Framework;
using Upbit.Rx.Connection;

namespace Upbit.Rx.Tests.Connection;

/// <summary>The one table that classifies Upbit's error frames by name, and the one reader of error message text.</summary>
public sealed class ServerErrorTableTests
{
    [TestCase("TOO_MANY_REQUESTS", nameof(ServerErrorAction.Reconnect))]
    [TestCase("INVALID_AUTH", nameof(ServerErrorAction.FailEndpoint))]
    [TestCase("WRONG_FORMAT", nameof(ServerErrorAction.FailEndpoint))]
    [TestCase("NO_TICKET", nameof(ServerErrorAction.FailEndpoint))]
    [TestCase("NO_TYPE", nameof(ServerErrorAction.FailEndpoint))]
    [TestCase("NO_CODES", nameof(ServerErrorAction.FailEndpoint))]
    [TestCase("INVALID_PARAM", nameof(ServerErrorAction.FailNamedType))]
    [TestCase("I'M_A_TEAPOT", nameof(ServerErrorAction.Reconnect))]
    [TestCase("too_many_requests", nameof(ServerErrorAction.Reconnect))]
    [TestCase("", nameof(ServerErrorAction.Reconnect))]
    public void Classify_Name_DocumentedAction(string name, string expected)
    {
        Assert.That(ServerErrorTable.Classify(name).ToString(), Is.EqualTo(expected));
    }

    [TestCase("nope 은 지원하지 않는 타입입니다.", "nope")]
    [TestCase("type nope is not supported.", "nope")]
    [TestCase("candle.1s 은 지원하지 않는 타입입니다.", "candle.1s")]
    [TestCase(" type orderbook is not supported. ", "orderbook")]
    [TestCase("잘못된 파라미터", null)]
    [TestCase("notice 은 지원하지 않는 카테고리입니다.", null)]
    [TestCase("category notice is not supported.", null)]
    [TestCase("the ticker type is not supported.", null)]
    [TestCase("type  is not supported.", null)]
    public void RejectedType_Message_TypeOnlyFromTheTwoKnownWordings(string message, string? expected)
    {
        Assert.That(ServerErrorTable.RejectedType(message), Is.EqualTo(expected));
    }
}
