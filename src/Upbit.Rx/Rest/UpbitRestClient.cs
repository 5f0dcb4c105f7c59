using System.Net;
using System.Reactive.Concurrency;
using Upbit.Rx.Rest;

namespace Upbit.Rx;

/// <summary>
/// Upbit's REST quotation API: the market list, tickers, order books, order-book instruments, recent trades and
/// candles, decoded into the same records as the streams. Every call is paced per rate-limit group (10 per second per
/// IP) before it is sent, slows down when <c>Remaining-Req</c> says a group's second is used up, retries a 429 a few
/// times after a pause, and turns a 418 into <see cref="UpbitRestBlockedException"/> without retrying.
/// </summary>
/// <remarks>
/// <para>Thread-safe: call from any thread, concurrently. Waits run on <see cref="UpbitRestOptions.Scheduler"/>, so
/// pacing and retries run in virtual time under a TestScheduler.</para>
/// <para>Errors: invalid arguments throw <see cref="ArgumentException"/> before anything is sent; an error response
/// throws <see cref="UpbitException"/> of source <see cref="UpbitErrorSource.Server"/> with Upbit's
/// <see cref="UpbitException.ServerErrorName"/>, message and the HTTP <see cref="UpbitException.StatusCode"/> (a body
/// that is not Upbit's error JSON, such as a maintenance page, gives no server error name, only the status); a body
/// that is not the JSON the endpoint documents throws <see cref="UpbitException"/> with
/// <see cref="UpbitClientCondition.MalformedResponse"/> whose message names the endpoint and the position. Network failures surface as <see cref="HttpRequestException"/>,
/// cancellation as <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed partial class UpbitRestClient : IDisposable
{
    private static readonly Uri UpbitHost = new("https://api.upbit.com");

    private readonly Func<HttpClient>? _createHttp;
    private readonly bool _ownsHttp;
    private HttpClient? _http;
    private bool _disposed;
    private readonly UpbitRestOptions _options;
    private readonly IScheduler _scheduler;
    private readonly RestPacer _pacer;
    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil;
    private TimeSpan? _blockedFor;
    private string _blockedBy = string.Empty;

    /// <summary>Creates a client for <c>https://api.upbit.com</c> on its own <see cref="HttpClient"/> (gzip on), with default options.</summary>
    public UpbitRestClient()
        : this(new UpbitRestOptions())
    {
    }

    /// <summary>
    /// Creates a client on its own <see cref="HttpClient"/> (gzip and deflate decompression on), made at the first call
    /// and disposed with this client.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public UpbitRestClient(UpbitRestOptions options)
        : this(CreateHttpClient, options)
    {
    }

    /// <summary>
    /// Creates a client on <paramref name="httpClient"/> (for example one from <c>IHttpClientFactory</c>), so its handlers,
    /// proxy and timeout apply; it is not disposed with this client. Requests ask for gzip; enable
    /// <c>AutomaticDecompression</c> on its handler, or the client decompresses a gzip body itself.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public UpbitRestClient(HttpClient httpClient, UpbitRestOptions? options = null)
        : this(httpClient, options ?? new UpbitRestOptions(), ownsHttpClient: false)
    {
    }

    internal UpbitRestClient(HttpClient httpClient, UpbitRestOptions options, bool ownsHttpClient)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), null, options, ownsHttpClient)
    {
    }

    /// <summary>
    /// A client that owns the <see cref="HttpClient"/> <paramref name="createHttpClient"/> makes at its first call (never
    /// before, at most once), and disposes it with itself.
    /// </summary>
    /// <remarks>NB: an <see cref="UpbitClient"/> that only streams never sends a REST request; making the handler
    /// eagerly cost every such process its types, statics and JIT code for nothing.</remarks>
    internal UpbitRestClient(Func<HttpClient> createHttpClient, UpbitRestOptions options)
        : this(null, createHttpClient ?? throw new ArgumentNullException(nameof(createHttpClient)), options, ownsHttpClient: true)
    {
    }

    private UpbitRestClient(HttpClient? httpClient, Func<HttpClient>? createHttpClient, UpbitRestOptions options, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _createHttp = createHttpClient;
        _ownsHttp = ownsHttpClient;
        _options = options;
        _scheduler = options.Scheduler;
        _pacer = new RestPacer(options.MaxRequestsPerSecond, TimeSpan.FromSeconds(1) + options.RateLimitMargin);
        BaseAddress = options.BaseAddress ?? httpClient?.BaseAddress ?? UpbitHost;
    }

    /// <summary>The host every call goes to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Disposes the <see cref="HttpClient"/> if this client created it (a call after this throws
    /// <see cref="ObjectDisposedException"/>); a given one is left to its owner. Idempotent.
    /// </summary>
    public void Dispose()
    {
        HttpClient? http;
        lock (_gate)
        {
            _disposed = true;
            http = _http;
        }

        if (_ownsHttp)
        {
            http?.Dispose();
        }
    }

    /// <summary>The <see cref="HttpClient"/> calls go out on: null until the first call when this client makes its own.</summary>
    internal HttpClient? CurrentHttpClient => Volatile.Read(ref _http);

    /// <summary>An <see cref="HttpClient"/> whose handler decompresses gzip and deflate bodies.</summary>
    internal static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate });

    /// <summary>The <see cref="HttpClient"/> to send on, made on first use when this client owns it.</summary>
    /// <exception cref="ObjectDisposedException">This client was disposed before it ever made its own.</exception>
    private HttpClient Http() => Volatile.Read(ref _http) ?? CreateOwnHttp();

    private HttpClient CreateOwnHttp()
    {
        // NB: under the gate so two first calls make one client and a concurrent Dispose either sees it or stops it;
        // the factory is ours (never user code).
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_http is null)
            {
                Volatile.Write(ref _http, _createHttp!());
            }

            return _http;
        }
    }

    private void ThrowIfBlocked(string endpoint, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now < _blockedUntil)
            {
                throw new UpbitRestBlockedException(_blockedBy.Length == 0 ? endpoint : _blockedBy, _blockedFor, _blockedUntil);
            }
        }
    }

    private UpbitRestBlockedException Block(string endpoint, TimeSpan? blockedFor, DateTimeOffset now)
    {
        var until = now + (blockedFor ?? _options.BlockedPause);
        lock (_gate)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
                _blockedFor = blockedFor;
                _blockedBy = endpoint;
            }
        }

        return new UpbitRestBlockedException(endpoint, blockedFor, until);
    }
}
