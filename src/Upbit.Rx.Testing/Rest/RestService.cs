using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Upbit.Rx.Testing.Rest;

/// <summary>
/// The REST half of one exchange, shared by both hosts: injected faults first, then the route, the per-group limits
/// (429, 418), the endpoint, and Upbit's headers on every answer; every request goes to a bounded log. Thread-safe;
/// no user code runs under its lock (the log's observers are called after it is released).
/// </summary>
internal sealed partial class RestService
{
    private readonly object _gate = new();
    private readonly FakeExchangeOptions _options;
    private readonly IScheduler _scheduler;
    private readonly RestLimiter _limiter;
    private readonly Queue<RestRequestRecord> _log = new();
    private readonly List<(RestFault Fault, int Left, string? PathPrefix)> _faults = [];
    private readonly ISubject<RestRequestRecord> _received = Subject.Synchronize(new Subject<RestRequestRecord>());

    public RestService(FakeExchangeOptions options, IScheduler scheduler, MarketSimulator market)
    {
        _options = options;
        _scheduler = scheduler;
        _limiter = new RestLimiter(options);
        Api = new QuotationApi(market);
    }

    public QuotationApi Api { get; }

    public IObservable<RestRequestRecord> Received => _received.AsObservable();

    public IReadOnlyList<RestRequestRecord> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public void Inject(RestFault fault, int count, string? pathPrefix)
    {
        lock (_gate)
        {
            _faults.Add((fault, count, pathPrefix));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Answers one request at the scheduler's current time.</summary>
    public RestResponse Handle(RestRequest request)
    {
        var now = _scheduler.Now;
        RestResponse response;
        string? group = null;
        lock (_gate)
        {
            var fault = TakeFault(request.Path);
            if (fault?.Kind == RestFaultKind.Refuse)
            {
                response = RestResponse.Refusal;
            }
            else if (fault?.Kind == RestFaultKind.Status)
            {
                response = FaultStatus(fault.StatusCode);
            }
            else
            {
                (response, group) = Serve(request, now);
                response = fault?.Kind switch
                {
                    RestFaultKind.MalformedBody => response with { Body = response.Body[..(response.Body.Length / 2)] },
                    RestFaultKind.Slow => response with { Delay = fault.Delay },
                    _ => response,
                };
            }

            response = response with { Delay = response.Delay + _options.RestLatency };
        }

        var record = new RestRequestRecord(now.UtcTicks, request.Method, request.PathAndQuery, group, response.Status);
        lock (_gate)
        {
            _log.Enqueue(record);
            while (_log.Count > _options.RestLogLimit)
            {
                _log.Dequeue();
            }
        }

        _received.OnNext(record);
        return response;
    }

    public void Complete() => _received.OnCompleted();

    private (RestResponse Response, string? Group) Serve(RestRequest request, DateTimeOffset now)
    {
        if (request.Method != "GET" || !Api.TryRoute(request.Path, out var group, out var handler))
        {
            return (Answer(404, RestResponse.Json, RestJson.Error(404, RestProblem.NoSuchPath().Message), null), null);
        }

        var counted = request.HasOrigin ? RestLimiter.OriginGroup : group;
        var verdict = _limiter.Admit(request.Client, counted, now);
        var remaining = RemainingReq(counted, verdict.Remaining);
        switch (verdict.Status)
        {
            case 429:
                return (Answer(429, RestResponse.Text, "Too many API requests."u8.ToArray(), remaining), counted);
            case 418:
                var seconds = (long)Math.Ceiling(verdict.BlockedFor.TotalSeconds);
                var body = RestJson.Error(418, $"Too many requests. Blocked for {seconds} seconds.");
                var headers = new List<KeyValuePair<string, string>>(Headers(remaining)) { new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)) };
                return (new RestResponse(418, RestResponse.Json, body, headers), counted);
            default:
                break;
        }

        try
        {
            return (Answer(200, RestResponse.Json, handler(new QueryString(request.Query)), remaining), counted);
        }
        catch (RestProblem problem)
        {
            return (Answer(problem.Status, RestResponse.Json, RestJson.Error(problem.Status, problem.Message), remaining), counted);
        }
    }

    private RestFault? TakeFault(string path)
    {
        var index = _faults.FindIndex(f => f.PathPrefix is null || path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var (fault, left, prefix) = _faults[index];
        if (left <= 1)
        {
            _faults.RemoveAt(index);
        }
        else
        {
            _faults[index] = (fault, left - 1, prefix);
        }

        return fault;
    }
}
