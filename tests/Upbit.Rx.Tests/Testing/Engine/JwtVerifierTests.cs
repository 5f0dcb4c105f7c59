using NUnit.Framework;
using Upbit.Rx.Server;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Testing.Engine;

public sealed class JwtVerifierTests
{
    private static readonly JwtVerifier s_verifier = new("access", "secret");

    [TestCase("HS256")]
    [TestCase("HS512")]
    public void IsValid_SignedWithSecret_True(string algorithm)
    {
        Assert.That(s_verifier.IsValid(Requests.Bearer("access", "secret", algorithm)), Is.True);
    }

    [Test]
    public void IsValid_DocumentedHeaderToken_True()
    {
        // NB: a token whose header is the documented example's (eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9 = HS512/JWT).
        var token = Requests.Bearer("access", "secret");

        Assert.That(token, Does.StartWith("Bearer eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9."));
        Assert.That(s_verifier.IsValid(token), Is.True);
    }

    [TestCase("bearer ")]
    [TestCase("BEARER ")]
    public void IsValid_SchemeInOtherCase_True(string scheme)
    {
        var token = Requests.Bearer("access", "secret")["Bearer ".Length..];

        Assert.That(s_verifier.IsValid(scheme + token), Is.True);
    }

    [Test]
    public void IsValid_PayloadSwappedUnderValidSignature_False()
    {
        var genuine = Requests.Bearer("access", "secret").Split('.');
        var other = Requests.Bearer("intruder", "secret").Split('.');

        Assert.That(s_verifier.IsValid(genuine[0] + "." + other[1] + "." + genuine[2]), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Basic abc")]
    [TestCase("Bearer a.b")]
    [TestCase("Bearer !!.??.**")]
    [TestCase("Bearer eyJhbGciOiJub25lIn0.eyJhY2Nlc3Nfa2V5IjoiYWNjZXNzIiwibm9uY2UiOiIxIn0.")]
    public void IsValid_MalformedOrUnsigned_False(string? authorization)
    {
        Assert.That(s_verifier.IsValid(authorization), Is.False);
    }

    [Test]
    public void IsValid_WrongKeyOrSecretOrNoNonce_False()
    {
        Assert.Multiple(() =>
        {
            Assert.That(s_verifier.IsValid(Requests.Bearer("other", "secret")), Is.False);
            Assert.That(s_verifier.IsValid(Requests.Bearer("access", "guess")), Is.False);
            Assert.That(s_verifier.IsValid(Requests.Bearer("access", "secret", withNonce: false)), Is.False);
        });
    }
}
