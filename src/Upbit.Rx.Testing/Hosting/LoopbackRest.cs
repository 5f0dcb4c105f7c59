using System.IO.Compression;
using System.Reactive.Concurrency;
using Microsoft.AspNetCore.Http;
using Upbit.Rx.Testing.Rest;

namespace Upbit.Rx.Testing.Hosting;

/// <summary>
/// Serves <c>/v1/…</c> on the loopback server: the exchange's REST engine answers, the answer waits out its delay on
/// the exchange's scheduler, and the body is gzip-compressed when the client accepts gzip (Upbit supports it). A
/// refusal aborts the connection before any response byte.
/// </summary>
internal static class LoopbackRest
{
    public const string PathPrefix = "/v1/";

    public static async Task HandleAsync(HttpContext context, RestService rest, IScheduler scheduler)
    {
        var request = context.Request;
        var answer = rest.Handle(new RestRequest(
            request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value?.TrimStart('?') ?? string.Empty,
            request.Headers.Origin.Count > 0, context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
        if (answer.Delay > TimeSpan.Zero)
        {
            var waited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var timer = scheduler.Schedule(answer.Delay, () => waited.TrySetResult());
            using var aborted = context.RequestAborted.Register(() => waited.TrySetCanceled());
            await waited.Task;
        }

        if (answer.Refused)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (request.Headers.AcceptEncoding.Any(e => e?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true))
        {
            response.Headers.ContentEncoding = "gzip";
            response.Headers.Vary = "accept-encoding";
            await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(answer.Body, context.RequestAborted);
            return;
        }

        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
