using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using Microsoft.Reactive.Testing;
using NUnit.Framework;

namespace Upbit.Rx.Tests.Operators;

/// <summary>Seeded random feeds and the per-code laws the coalescing and throttling operators must keep.</summary>
internal static class OperatorProperty
{
    private static readonly string[] Codes = ["KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "BTC-ETH", "USDT-BTC"];

    /// <summary>
    /// A hot feed from tick 201 of 1 to 60 quotes over 1 to 6 codes, several often sharing a tick, then completion;
    /// and the quotes in the order sent.
    /// </summary>
    public static (Recorded<Notification<Quote>>[] Messages, List<Quote> Sent) RandomFeed(Random random)
    {
        var codeCount = random.Next(1, Codes.Length + 1);
        var count = random.Next(1, 61);
        var tick = 200L;
        var messages = new List<Recorded<Notification<Quote>>>();
        var sent = new List<Quote>();
        for (var seq = 1; seq <= count; seq++)
        {
            tick += random.Next(0, 4) == 0 ? 0 : random.Next(1, 30);
            tick = Math.Max(tick, 201);
            var quote = new Quote(Codes[random.Next(codeCount)], seq);
            sent.Add(quote);
            messages.Add(ReactiveTest.OnNext(tick, quote));
        }

        messages.Add(ReactiveTest.OnCompleted<Quote>(tick + random.Next(0, 20)));
        return (messages.ToArray(), sent);
    }

    /// <summary>
    /// Asserts the laws: the sequence completes; only sent quotes are delivered; each code's deliveries are in
    /// send order without repeats; the last quote of every code is delivered.
    /// </summary>
    public static void AssertLossless(List<Quote> sent, IList<Recorded<Notification<Quote>>> received, string context)
    {
        Assert.That(received[^1].Value.Kind, Is.EqualTo(NotificationKind.OnCompleted), context);
        var delivered = received.Where(r => r.Value.Kind == NotificationKind.OnNext).Select(r => r.Value.Value).ToList();
        Assert.That(delivered.Except(sent), Is.Empty, context);
        foreach (var group in delivered.GroupBy(q => q.Code))
        {
            var seqs = group.Select(q => q.Seq).ToList();
            Assert.That(seqs, Is.Ordered.Ascending.And.Unique, $"{context}: order within {group.Key}");
        }

        var lastSent = sent.GroupBy(q => q.Code).ToDictionary(g => g.Key, g => g.Last());
        var lastDelivered = delivered.GroupBy(q => q.Code).ToDictionary(g => g.Key, g => g.Last());
        Assert.That(lastDelivered, Is.EquivalentTo(lastSent), $"{context}: final value per code");
    }

    /// <summary>
    /// Pushes 100,000 quotes over 10 codes from this thread through <paramref name="pipeline"/> (whose timers run on
    /// real threads), then completes, and asserts the per-code laws on what came out.
    /// </summary>
    public static async Task AssertLosslessUnderRaceAsync(Func<IObservable<Quote>, IObservable<Quote>> pipeline, CancellationToken cancellation)
    {
        var subject = new Subject<Quote>();
        var codes = Enumerable.Range(0, 10).Select(i => $"KRW-C{i}").ToArray();
        var sent = Enumerable.Range(1, 100_000).Select(seq => new Quote(codes[seq * 7 % codes.Length], seq)).ToList();
        var delivered = pipeline(subject).Materialize().ToList().ToTask(cancellation);

        foreach (var quote in sent)
        {
            subject.OnNext(quote);
        }

        subject.OnCompleted();
        var received = (await delivered).Select((n, i) => new Recorded<Notification<Quote>>(i, n)).ToList();

        AssertLossless(sent, received, "thread pool race");
    }
}
