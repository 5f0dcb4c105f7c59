using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Upbit.Rx.Rest;
using Upbit.Rx.Streams;
using Upbit.Rx.Subscriptions;

namespace Upbit.Rx.Connection;

/// <summary>
/// Feeds the public endpoint's ticker, order-book and candle keys from REST while its socket is down: each rate-limit
/// group (ticker, orderbook, candles) runs its own round of requests every <see cref="UpbitClientOptions.FallbackPollInterval"/>,
/// one request at a time and never more than <see cref="UpbitClientOptions.FallbackRequestsPerSecond"/> a second, built
/// from the union as it stands when the round starts (<see cref="RestPolls"/>). Answers are published through the router
/// marked <see cref="Streams.StreamType.Rest"/>, so the feeds' duplicate filter drops a state equal to the latest one.
/// </summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="Stop"/> are called by the supervisor (after its gate is released); each start is a
/// new run, and an answer of an older run is dropped, so nothing polled before the socket came back is published after.
/// A failed request is reported on <c>Errors</c> as a <see cref="UpbitErrorKind.ConnectionFault"/> and the round goes
/// on; streams never fail because REST is down too. Nothing here blocks: requests are started, never awaited, as a flow
/// on the client's scheduler (<see cref="SchedulerSynchronizationContext"/>) that resumes there after every await, so
/// under a TestScheduler an answer is published at a fixed virtual instant, never on a pool thread racing the clock.
/// </remarks>
internal sealed class RestFallback : IDisposable
{
    private static readonly RestGroup[] Groups = [RestGroup.Ticker, RestGroup.Orderbook, RestGroup.Candles];

    private readonly string _endpoint;
    private readonly UpbitClientOptions _options;
    private readonly IScheduler _scheduler;
    private readonly UpbitRestClient _rest;
    private readonly SubscriptionRegistry _registry;
    private readonly Router _router;
    private readonly ClientSignals _signals;
    private readonly SchedulerSynchronizationContext _context;
    private readonly Lock _gate = new();
    private readonly Dictionary<RestGroup, Queue<RestPoll>> _rounds = [];
    private readonly Dictionary<RestGroup, DateTimeOffset> _nextRound = [];
    private CompositeDisposable _timers = [];
    private CancellationTokenSource _cancel = new();
    private long _run;
    private bool _running;
    private long _requests;

    public RestFallback(string endpoint, UpbitClientOptions options, UpbitRestClient rest, SubscriptionRegistry registry, Router router, ClientSignals signals)
    {
        _endpoint = endpoint;
        _options = options;
        _scheduler = options.Scheduler;
        _rest = rest;
        _registry = registry;
        _router = router;
        _signals = signals;
        _context = new SchedulerSynchronizationContext(_scheduler);
    }

    /// <summary>Requests sent by the fallback so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts polling, the first round of each group at once; does nothing when already polling.</summary>
    public void Start()
    {
        long run;
        lock (_gate)
        {
            if (_running)
            {
                return;
            }

            _running = true;
            run = ++_run;
            _timers = [];
            _cancel = new CancellationTokenSource();
            foreach (var group in Groups)
            {
                _rounds[group] = new Queue<RestPoll>();
                _nextRound[group] = _scheduler.Now;
            }
        }

        foreach (var group in Groups)
        {
            Step(run, group);
        }
    }

    /// <summary>Stops polling: no request starts after this returns and no answer still in flight is published.</summary>
    public void Stop()
    {
        CompositeDisposable timers;
        CancellationTokenSource cancel;
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            _running = false;
            _run++;
            timers = _timers;
            cancel = _cancel;
        }

        timers.Dispose();

        // NB: cancelling only abandons the awaits; HttpClient's own continuations never run user code, so this cannot block.
        cancel.Cancel();
        cancel.Dispose();
    }

    public void Dispose() => Stop();

    /// <summary>Sends the group's next request of the current round, or starts the next round when it is due.</summary>
    private void Step(long run, RestGroup group)
    {
        RestPoll? poll = null;
        TimeSpan wait;
        CancellationToken token;
        lock (_gate)
        {
            if (run != _run)
            {
                return;
            }

            var round = _rounds[group];
            var now = _scheduler.Now;
            if (round.Count == 0 && now >= _nextRound[group])
            {
                _nextRound[group] = now + _options.FallbackPollInterval;
                foreach (var planned in RestPolls.Plan(group, WireKeys.Collapse(_registry.Union, k => !k.IsPrivate)))
                {
                    round.Enqueue(planned);
                }
            }

            if (round.Count > 0)
            {
                poll = round.Dequeue();
                wait = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / _options.FallbackRequestsPerSecond);
            }
            else
            {
                wait = _nextRound[group] - now;
            }

            token = _cancel.Token;
            var timer = new SingleAssignmentDisposable();
            _timers.Add(timer);
            timer.Disposable = _scheduler.Schedule(wait, () =>
            {
                RemoveTimer(timer);
                Step(run, group);
            });
        }

        if (poll is not null)
        {
            Interlocked.Increment(ref _requests);

            // NB: not started on this thread: its synchronization context (a test runner's, a UI's) would capture the REST
            // client's continuations and run them elsewhere, publishing at whatever the clock reads by then.
            _context.Start(() => SendAsync(run, poll, token));
        }
    }

    private void RemoveTimer(IDisposable timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private async Task SendAsync(long run, RestPoll poll, CancellationToken token)
    {
        IReadOnlyList<UpbitMessage> values;
        try
        {
            // NB: true: the poll runs under the client's SchedulerSynchronizationContext and publishes from there.
            values = await poll.Fetch(_rest, token).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (IsCurrent(run) && !token.IsCancellationRequested)
            {
                _signals.Error(new UpbitError(UpbitErrorKind.ConnectionFault, _endpoint, $"REST fallback: {poll.Describe()} failed; the streams wait for the next poll or the socket", ex));
            }

            return;
        }

        foreach (var value in values)
        {
            // NB: checked per value, so a Stop between two values of one answer publishes none of the rest.
            if (!IsCurrent(run))
            {
                return;
            }

            _router.Publish(value);
        }
    }

    private bool IsCurrent(long run)
    {
        lock (_gate)
        {
            return run == _run;
        }
    }
}
