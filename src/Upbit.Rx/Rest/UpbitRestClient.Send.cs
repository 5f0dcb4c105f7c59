using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Upbit.Rx.Rest;

namespace Upbit.Rx;

/// <content>The one way out: pacing, the request, status handling, retries and decoding.</content>
public sealed partial class UpbitRestClient
{
    private const int MaxQuotedBodyChars = 200;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly StringWithQualityHeaderValue Gzip = new("gzip");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    internal async Task<T> SendAsync<T>(RestGroup group, string path, string? query, Func<RestReader, T> decode, CancellationToken cancellationToken)
    {
        var endpoint = "GET " + path;
        var uri = new Uri(BaseAddress, query is null ? path : path + "?" + query);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfBlocked(endpoint, _scheduler.Now);
            var wait = _pacer.Reserve(group, _scheduler.Now);
            if (wait > TimeSpan.Zero)
            {
                await SchedulerDelay.Wait(_scheduler, wait, cancellationToken).ConfigureAwait(false);
                ThrowIfBlocked(endpoint, _scheduler.Now);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(Json);
            request.Headers.AcceptEncoding.Add(Gzip);
            using var response = await Http().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var now = _scheduler.Now;
            _pacer.Observe(group, RemainingReq.Seconds(Header(response, "Remaining-Req")), now);
            switch ((int)response.StatusCode)
            {
                case 429:
                    // NB: the pause goes on the group, so concurrent callers of the same group wait too.
                    _pacer.Pause(group, now + (RetryAfter(response) ?? _options.RetryDelay * Math.Pow(2, attempt)));
                    if (attempt < _options.MaxRetries)
                    {
                        continue;
                    }

                    throw await ErrorAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
                case 418:
                    throw Block(endpoint, RetryAfter(response), now);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            }

            return await DecodeAsync(response, endpoint, decode, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> DecodeAsync<T>(HttpResponseMessage response, string endpoint, Func<RestReader, T> decode, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                using var text = new StreamReader(Decompressed(response, body), StrictUtf8, detectEncodingFromByteOrderMarks: true);
                using var reader = new RestReader(text);
                return decode(reader);
            }
            catch (RestFormatException ex)
            {
                throw Malformed(response, endpoint, ex.Message, ex);
            }
            catch (DecoderFallbackException ex)
            {
                throw Malformed(response, endpoint, "The body is not valid UTF-8.", ex);
            }
            catch (InvalidDataException ex)
            {
                throw Malformed(response, endpoint, "The gzip body is corrupt.", ex);
            }
        }
    }

    private static UpbitException Malformed(HttpResponseMessage response, string endpoint, string what, Exception inner) =>
        new(UpbitClientCondition.MalformedResponse, $"{endpoint} returned a body that is not the JSON it documents: {what}", inner) { StatusCode = response.StatusCode };

    /// <summary>Upbit's <c>{"error":{"name","message"}}</c> when the body holds it; otherwise the status and the start of the body.</summary>
    private static async Task<UpbitException> ErrorAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(Decompressed(response, new MemoryStream(bytes)), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            text = string.Empty;
        }

        try
        {
            using var reader = new RestReader(new StringReader(text));
            if (RestDecoder.Error(reader) is { } error)
            {
                return new UpbitException(error.Name, error.Message) { StatusCode = response.StatusCode, IsTransient = IsTransient(response) };
            }
        }
        catch (RestFormatException)
        {
            // NB: not JSON (plain text on 429, HTML during maintenance): reported below with the status.
        }

        var status = (int)response.StatusCode;
        var quoted = text.Length <= MaxQuotedBodyChars ? text : string.Concat(text.AsSpan(0, MaxQuotedBodyChars), "…");
        return new UpbitException(serverErrorName: null, $"{endpoint} answered {status} {response.ReasonPhrase}: {quoted.Trim()}")
        {
            StatusCode = response.StatusCode,
            IsTransient = IsTransient(response),
        };
    }

    /// <summary>Whether a later call can succeed as it is: too many requests (after the retries) and server errors.</summary>
    private static bool IsTransient(HttpResponseMessage response) => (int)response.StatusCode is 429 or >= 500;

    /// <summary>The body, gunzipped when the handler left it compressed (a given <see cref="HttpClient"/> may not decompress).</summary>
    private static Stream Decompressed(HttpResponseMessage response, Stream body) =>
        response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase)
            ? new GZipStream(body, CompressionMode.Decompress)
            : body;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } sent && date > sent => date - sent,
        _ => null,
    };
}
