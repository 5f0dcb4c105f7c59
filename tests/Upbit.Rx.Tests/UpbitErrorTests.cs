using System.Net.WebSockets;
using NUnit.Framework;

namespace Upbit.Rx.Tests;

public sealed class UpbitErrorTests
{
    [Test]
    public void ToString_WithThrownException_OneLineWithKindEndpointMessageAndInnerTypeAndMessage()
    {
        WebSocketException thrown;
        try
        {
            throw new WebSocketException("Unable to connect to the remote server");
        }
        catch (WebSocketException e)
        {
            thrown = e;
        }

        var error = new UpbitError(UpbitErrorKind.ConnectionFault, "public", "connect failed", thrown);

        Assert.That(thrown.StackTrace, Is.Not.Null);
        Assert.That(error.ToString(), Is.EqualTo("ConnectionFault on public: connect failed (WebSocketException: Unable to connect to the remote server)"));
        Assert.That(error.Exception, Is.SameAs(thrown));
    }

    [Test]
    public void ToString_NoException_KindEndpointAndMessage()
    {
        var error = new UpbitError(UpbitErrorKind.MalformedFrame, "private", "line 1\nline 2");

        Assert.That(error.ToString(), Is.EqualTo("MalformedFrame on private: line 1 line 2"));
    }
}
