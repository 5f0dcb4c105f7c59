using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.TestSupport;

public sealed class ReactiveTestTests : ReactiveTest
{
    [Test]
    public void OnNext_Predicate_MatchesSatisfyingValueAtSameTime()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateColdObservable(OnNext(10, 42), OnCompleted<int>(20));

        var results = scheduler.Start(() => xs);

        Assert.That(OnNext<int>(210, x => x % 2 == 0).Equals(results.Messages[0]), Is.True);
        Assert.That(OnNext<int>(210, x => x > 100).Equals(results.Messages[0]), Is.False);
        Assert.That(OnNext<int>(211, x => x % 2 == 0).Equals(results.Messages[0]), Is.False);
        results.Messages.AssertEqual(OnNext<int>(210, x => x == 42), OnCompleted<int>(220));
    }

    [Test]
    public void OnError_Predicate_MatchesByException()
    {
        var actual = OnError<int>(5, new ArgumentException("bad code"));

        Assert.That(OnError<int>(5, e => e is ArgumentException { Message: "bad code" }).Equals(actual), Is.True);
        Assert.That(OnError<int>(5, e => e is FormatException).Equals(actual), Is.False);
    }

    [Test]
    public void OnCompleted_Witness_EqualsTypedOnCompleted()
    {
        Assert.That(OnCompleted(30, "witness"), Is.EqualTo(OnCompleted<string>(30)));
    }

    [Test]
    public void Subscribe_OneArgument_NeverUnsubscribes()
    {
        Assert.That(Subscribe(200), Is.EqualTo(Subscribe(200, long.MaxValue)));
    }
}
