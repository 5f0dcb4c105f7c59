using System.Collections.Concurrent;
using Microsoft.Reactive.Testing;
using NUnit.Framework;
using Upbit.Rx.Protocol;
using Upbit.Rx.Streams;
using Upbit.Rx.Tests.Support;

namespace Upbit.Rx.Tests.Client;

/// <summary><see cref="UpbitClientOptions.DecodeInParallel"/>: where frames that back up are decoded and delivered.</summary>
public sealed class UpbitClientDecodeInParallelTests
{
    private const int Count = 2_000;

    private static readonly Trade Sample = (Trade)UpbitDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ws_trade_default_upbit-docs_krw-btc.json"))).Messages[0];

    [Test]
    public void DecodeInParallel_Default_IsOff()
    {
        Assert.That(new UpbitClientOptions().DecodeInParallel, Is.False);
    }

    [Test]
    [CancelAfter(20_000)]
    public void DecodeInParallel_Off_FramesThatBackUpAreDeliveredOnTheReceiveThreadBeforePushReturns(CancellationToken cancellationToken)
    {
        var (seen, threads, lagged) = Run(parallel: false, cancellationToken);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, Count).Select(i => (long)i)));
        Assert.That(threads, Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
        Assert.That(lagged, Is.Zero, "pushes that returned before their frame was delivered");
    }

    [Test]
    [CancelAfter(20_000)]
    public void DecodeInParallel_On_FramesThatBackUpAreDeliveredOnceEachInArrivalOrder(CancellationToken cancellationToken)
    {
        var (seen, _, _) = Run(parallel: true, cancellationToken);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, Count).Select(i => (long)i)));
    }

    /// <summary>Pushes <see cref="Count"/> trades, all but the last with a backlog behind them, and waits for them.</summary>
    private static (List<long> Seen, long[] Threads, int Lagged) Run(bool parallel, CancellationToken cancellationToken)
    {
        var transport = new ManualTransport();
        var options = new UpbitClientOptions
        {
            Scheduler = new TestScheduler(),
            Transport = transport,
            ValidateCodes = false,
            BackfillTrades = false,
            DecodeInParallel = parallel,
        };
        using var client = new UpbitClient(options);
        var seen = new ConcurrentQueue<long>();
        var threads = new ConcurrentDictionary<int, byte>();
        using var all = new ManualResetEventSlim();
        using var subscription = client.Trade("KRW-BTC").Subscribe(t =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, 0);
            seen.Enqueue(t.SequentialId);
            if (seen.Count == Count)
            {
                all.Set();
            }
        });
        var connection = transport.Take(0, cancellationToken);
        connection.Open();
        var lagged = 0;

        for (var i = 1; i <= Count; i++)
        {
            connection.Push(FrameEncoder.EncodeUtf8(Sample with { SequentialId = i }, WireFormat.Default), backlog: i < Count);
            lagged += seen.Count == i ? 0 : 1;
        }

        Assert.That(all.Wait(TimeSpan.FromSeconds(15), cancellationToken), Is.True, $"{seen.Count} of {Count} delivered");
        return ([.. seen], [.. threads.Keys.Select(k => (long)k)], lagged);
    }
}
