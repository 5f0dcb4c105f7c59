using NUnit.Framework;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests;

public sealed class UpbitExceptionTests
{
    [Test]
    public void Constructor_ServerError_CarriesUpbitNameAndNoClientCondition()
    {
        var error = new UpbitException("INVALID_PARAM", "잘못된 파라미터");

        Assert.That(
            (error.ErrorSource, error.ServerErrorName, error.ServerMessage, error.ClientCondition, error.Message),
            Is.EqualTo((UpbitErrorSource.Server, "INVALID_PARAM", "잘못된 파라미터", UpbitClientCondition.None, "INVALID_PARAM: 잘못된 파라미터")));
    }

    [Test]
    public void Constructor_ClientCondition_HasNoServerNameOrMessage()
    {
        var cause = new IOException("refused");

        var error = new UpbitException(UpbitClientCondition.ConnectionFailed, "gave up after 3 failed attempts", cause);

        Assert.That(
            (error.ErrorSource, error.ServerErrorName, error.ServerMessage, error.ClientCondition, error.Message, error.InnerException),
            Is.EqualTo((UpbitErrorSource.Client, (string?)null, (string?)null, UpbitClientCondition.ConnectionFailed, "gave up after 3 failed attempts", (Exception)cause)));
    }

    [TestCase(UpbitClientCondition.None)]
    [TestCase((UpbitClientCondition)99)]
    public void Constructor_ClientConditionNoneOrUndefined_Throws(UpbitClientCondition condition)
    {
        Assert.That(() => new UpbitException(condition, "x"), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("condition"));
    }

    [Test]
    public void Constructor_ServerResponseWithoutErrorBody_NoNameAndMessageIsTheText()
    {
        var error = new UpbitException(serverErrorName: null, "GET /v1/ticker answered 429 Too Many Requests: Too many API requests.");

        Assert.That(
            (error.ErrorSource, error.ServerErrorName, error.Message),
            Is.EqualTo((UpbitErrorSource.Server, (string?)null, "GET /v1/ticker answered 429 Too Many Requests: Too many API requests.")));
    }

    [Test]
    public void TradeGap_IsAClientConditionWithoutServerName()
    {
        var after = Make.Trade("KRW-BTC", sequentialId: 1, timestamp: 1_000);
        var before = Make.Trade("KRW-BTC", sequentialId: 9, timestamp: 2_000);

        var gap = new UpbitTradeGapException("KRW-BTC", after, before, "history exhausted");

        Assert.That((gap.ErrorSource, gap.ClientCondition, gap.ServerErrorName), Is.EqualTo((UpbitErrorSource.Client, UpbitClientCondition.TradeGap, (string?)null)));
    }

    [Test]
    public void UnknownMarketCode_IsAClientConditionWithoutServerName()
    {
        var error = new UnknownMarketCodeException(["KRW-NOPE"], []);

        Assert.That((error.ErrorSource, error.ClientCondition, error.ServerErrorName), Is.EqualTo((UpbitErrorSource.Client, UpbitClientCondition.UnknownMarketCode, (string?)null)));
    }
}
