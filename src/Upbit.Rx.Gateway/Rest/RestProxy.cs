using System.Net;
using System.Reactive.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;
using Upbit.Rx.Server;

namespace Upbit.Rx.Gateway.Rest;

/// <summary>
/// The gateway's REST quotation proxy: <c>GET</c> of <c>/v1/market/all</c>, <c>/v1/ticker</c>, <c>/v1/ticker/all</c>,
/// <c>/v1/orderbook</c>, <c>/v1/trades/ticks</c> and <c>/v1/candles/…</c> is forwarded byte for byte to
/// <see cref="UpbitGatewayOptions.RestUpstream"/> over one <see cref="HttpClient"/>. Identical requests within
/// <see cref="UpbitGatewayOptions.RestCacheDuration"/> share one upstream call (in flight or done), and upstream calls
/// are paced per Upbit rate-limit group by one sliding window for all clients, so many clients stay within one IP's
/// budget. Only 200 answers are cached. Anything else (exchange API, POST) is 404: keys never pass through.
/// </summary>
internal sealed class RestProxy : IDisposable
{
    private const int CacheSweepThreshold = 1_024;
    private static readonly TimeSpan PaceRetry = TimeSpan.FromMilliseconds(25);
    private static readonly byte[] s_notProxied = Encoding.UTF8.GetBytes(
        """{"error":{"name":"not_found","message":"The gateway proxies Upbit's quotation API only (GET /v1/market/all, ticker, orderbook, trades/ticks, candles)."}}""");

    private readonly object _gate = new();
    private readonly UpbitGatewayOptions _options;
    private readonly HttpClient _http;
    private readonly Dictionary<string, (Task<RestAnswer> Answer, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingWindow> _windows = new(StringComparer.Ordinal);
    private long _forwarded;

    public RestProxy(UpbitGatewayOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = options.RestUpstream };
    }

    /// <summary>Requests sent upstream so far (cache misses).</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsGet(context.Request.Method) || GroupOf(path) is not { } group)
        {
            await WriteAsync(context, new RestAnswer(StatusCodes.Status404NotFound, "application/json; charset=utf-8", s_notProxied));
            return;
        }

        var key = path + context.Request.QueryString.Value;
        Task<RestAnswer> answer;
        lock (_gate)
        {
            var now = _options.Scheduler.Now;
            if (!_cache.TryGetValue(key, out var entry) || entry.Expires <= now || entry.Answer.IsFaulted
                || (entry.Answer.IsCompletedSuccessfully && entry.Answer.Result.Status != StatusCodes.Status200OK))
            {
                SweepLocked(now);
                entry = (FetchAsync(key, group), now + _options.RestCacheDuration);
                _cache[key] = entry;
            }

            answer = entry.Answer;
        }

        RestAnswer result;
        try
        {
            result = await answer;
        }
        catch (HttpRequestException e)
        {
            var body = Encoding.UTF8.GetBytes("{\"error\":{\"name\":\"upstream_unreachable\",\"message\":\"" + JsonText(e.Message) + "\"}}");
            result = new RestAnswer(StatusCodes.Status502BadGateway, "application/json; charset=utf-8", body);
        }

        await WriteAsync(context, result);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Upbit's rate-limit group of a quotation path, or <see langword="null"/> for a path not proxied.</summary>
    internal static string? GroupOf(string path) => path switch
    {
        "/v1/market/all" => "market",
        "/v1/ticker" or "/v1/ticker/all" => "ticker",
        "/v1/orderbook" => "orderbook",
        "/v1/trades/ticks" => "crix-trades",
        _ when path.StartsWith("/v1/candles/", StringComparison.Ordinal) => "candles",
        _ => null,
    };

    private static string JsonText(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static async Task WriteAsync(HttpContext context, RestAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    private async Task<RestAnswer> FetchAsync(string pathAndQuery, string group)
    {
        // NB: yield first, so the caller's lock is released before any waiting or I/O.
        await Task.Yield();
        while (!TryAcquire(group))
        {
            await Observable.Timer(PaceRetry, _options.Scheduler);
        }

        Interlocked.Increment(ref _forwarded);
        using var response = await _http.GetAsync(new Uri(pathAndQuery.TrimStart('/'), UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        return new RestAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    private bool TryAcquire(string group)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue(group, out var window))
            {
                _windows[group] = window = new SlidingWindow(_options.RestRequestsPerSecond, TimeSpan.FromSeconds(1));
            }

            return window.TryAcquire(_options.Scheduler.Now);
        }
    }

    /// <summary>Forgets expired answers once the cache grows, so a long run keeps flat memory.</summary>
    private void SweepLocked(DateTimeOffset now)
    {
        if (_cache.Count < CacheSweepThreshold)
        {
            return;
        }

        foreach (var stale in _cache.Where(e => e.Value.Expires <= now && e.Value.Answer.IsCompleted).Select(e => e.Key).ToList())
        {
            _cache.Remove(stale);
        }
    }
}
