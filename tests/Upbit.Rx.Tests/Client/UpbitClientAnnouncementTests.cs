using Microsoft.Reactive.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Testing;
using Upbit.Rx.Tests.Protocol;
using Upbit.Rx.Tests.Support;
using Upbit.Rx.Tests.Testing.Scenarios;

namespace Upbit.Rx.Tests.Client;

/// <summary><c>upbit.Announcement()</c> end to end through the in-memory fake exchange, in virtual time.</summary>
public sealed class UpbitClientAnnouncementTests
{
    private static readonly long Second = TimeSpan.TicksPerSecond;

    [Test]
    public void Announcement_RecordedSample_ArrivesAsDecodedOnThePrivateConnection()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var sample = Samples.DecodeSample<Announcement>("ws_announcement_default_upbit-docs.json");
        var seen = new List<Announcement>();

        using var subscription = client.Announcement().Subscribe(seen.Add);
        scheduler.AdvanceBy(2 * Second);
        exchange.Publish(sample);
        scheduler.AdvanceBy(Second);

        Assert.That(seen, Is.EqualTo(new[] { sample }));
        Assert.That(exchange.Connections.Select(c => c.Path), Is.EqualTo(new[] { ConnectionRecord.PrivatePath }));
        Assert.That(LastAnnouncementObject(exchange), Is.EqualTo("""{"type":"announcement"}"""));
    }

    [Test]
    public void Announcement_TwoSubscribersOfDifferentCategories_OneTypeObjectCarriesTheUnionEachGetsItsOwn()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var trades = new List<string>();
        var outages = new List<string>();

        using var t = client.Announcement("trade").Subscribe(a => trades.Add(a.Category));
        using var m = client.Announcement("maintenance", "wallet").Subscribe(a => outages.Add(a.Category));
        scheduler.AdvanceBy(2 * Second);
        foreach (var category in new[] { "trade", "wallet", "event", "maintenance" })
        {
            exchange.Publish(PrivateMessages.Notice(category, body: null) with { Uuid = "n-" + category });
        }

        scheduler.AdvanceBy(Second);

        Assert.That((trades.ToArray(), outages.ToArray()), Is.EqualTo((new[] { "trade" }, new[] { "wallet", "maintenance" })));
        Assert.That(LastAnnouncementObject(exchange), Is.EqualTo("""{"type":"announcement","categories":["maintenance","trade","wallet"]}"""));
    }

    [Test]
    public void Announcement_LastSubscriberOfACategoryLeaves_CategoryLeavesTheUnionOthersStay()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var outages = new List<string>();
        using var m = client.Announcement("maintenance").Subscribe(a => outages.Add(a.Uuid));
        var t = client.Announcement("trade").Subscribe(_ => { });
        scheduler.AdvanceBy(2 * Second);

        t.Dispose();
        scheduler.AdvanceBy(2 * Second);
        exchange.Publish(PrivateMessages.Notice("maintenance", body: null));
        scheduler.AdvanceBy(Second);

        Assert.That(LastAnnouncementObject(exchange), Is.EqualTo("""{"type":"announcement","categories":["maintenance"]}"""));
        Assert.That(outages, Is.EqualTo(new[] { "562593104" }));
    }

    [Test]
    public void Announcement_OneSubscriberWantsBodies_OnlyThatSubscriberSeesTheBody()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var bare = new List<string?>();
        var full = new List<string?>();
        using var a = client.Announcement("maintenance").Subscribe(n => bare.Add(n.Body));
        using var b = client.Announcement(includeBody: true).Subscribe(n => full.Add(n.Body));
        scheduler.AdvanceBy(2 * Second);

        exchange.Publish(PrivateMessages.Notice("maintenance", body: "# 점검\n02:00–04:00"));
        scheduler.AdvanceBy(Second);

        Assert.That((bare.ToArray(), full.ToArray()), Is.EqualTo((new string?[] { null }, new string?[] { "# 점검\n02:00–04:00" })));
        Assert.That(LastAnnouncementObject(exchange), Is.EqualTo("""{"type":"announcement","include_body":true}"""));
    }

    [Test]
    public void Announcement_SameNoticeSentAgainAfterReconnect_DeliveredOnceButAnEditIsDelivered()
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();
        var seen = new List<AnnouncementEventType>();
        using var subscription = client.Announcement().Subscribe(n => seen.Add(n.EventType));
        scheduler.AdvanceBy(2 * Second);
        var notice = PrivateMessages.Notice("notice", body: null);

        exchange.Publish(notice);
        exchange.Publish(notice);
        exchange.Publish(notice with { EventType = AnnouncementEventType.Updated, ListedAt = "2026-09-01T11:00:00+09:00" });
        scheduler.AdvanceBy(Second);

        Assert.That(seen, Is.EqualTo(new[] { AnnouncementEventType.Created, AnnouncementEventType.Updated }));
    }

    [TestCase("Trade")]
    [TestCase("trades")]
    [TestCase("")]
    public void Announcement_UnknownCategory_ThrowsAtTheCallNamingTheCategories(string category)
    {
        var scheduler = new TestScheduler();
        using var exchange = new FakeUpbitExchange(new FakeExchangeOptions { Scheduler = scheduler });
        using var client = exchange.CreateClient();

        Assert.That(
            () => client.Announcement(category),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("categories").And.Message.Contains("notice, trade, wallet, maintenance, digital_asset, nft, service, event"));
    }

    [Test]
    public void Announcement_NoCredentials_ThrowsInvalidOperation()
    {
        using var client = new UpbitClient(new UpbitClientOptions());

        Assert.That(() => client.Announcement(), Throws.InvalidOperationException.With.Message.Contains("Credentials"));
    }

    private static string LastAnnouncementObject(FakeUpbitExchange exchange) =>
        JArray.Parse(WireRequests.Subscriptions(exchange)[^1].Text).OfType<JObject>()
            .Single(o => o["type"]?.Value<string>() == WireNames.Announcement)
            .ToString(Newtonsoft.Json.Formatting.None);
}
