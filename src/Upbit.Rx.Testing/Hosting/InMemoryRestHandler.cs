using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using Upbit.Rx.Testing.Rest;

namespace Upbit.Rx.Testing.Hosting;

/// <summary>
/// Serves an exchange's REST endpoints to an <see cref="HttpClient"/> without a network, on the exchange's scheduler.
/// The request is counted and answered at the scheduler time it is sent; the answer completes the task after
/// <see cref="FakeExchangeOptions.RestLatency"/> (plus any <see cref="RestFault.Slow"/> delay) of scheduler time, so
/// with a <c>TestScheduler</c> a delayed answer arrives when the test advances the clock, and continuations that do
/// not capture a synchronization context (HttpClient's own, <c>ConfigureAwait(false)</c>) run inside that advance, on
/// the virtual clock, as a scheduled action would. A zero delay answers synchronously. Any host name is accepted; only the path and query matter.
/// </summary>
internal sealed class InMemoryRestHandler(RestService rest, IScheduler scheduler) : HttpMessageHandler
{
    /// <summary>The client id the per-IP limits see for in-memory requests.</summary>
    public const string Client = "in-memory";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new InvalidOperationException("The request needs an absolute URI (set HttpClient.BaseAddress).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var answer = rest.Handle(new RestRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), request.Headers.Contains("Origin"), Client));
        if (answer.Delay <= TimeSpan.Zero)
        {
            return answer.Refused ? Task.FromException<HttpResponseMessage>(Refusal(uri)) : Task.FromResult(ToMessage(answer, request));
        }

        // NB: synchronous continuations: the caller resumes inside the scheduler's action, so on a TestScheduler its
        // next step (pacing, a retry timer) is scheduled in the same virtual instant, deterministically.
        var completion = new TaskCompletionSource<HttpResponseMessage>();
        var registration = cancellationToken.Register(() => Inline(() => completion.TrySetCanceled(cancellationToken)));
        scheduler.Schedule(answer.Delay, () =>
        {
            registration.Dispose();
            Inline(() => _ = answer.Refused ? completion.TrySetException(Refusal(uri)) : completion.TrySetResult(ToMessage(answer, request)));
        });
        return completion.Task;
    }

    /// <summary>Completes a task with no synchronization context on the thread, so continuations that did not capture
    /// one (HttpClient's own, any <c>ConfigureAwait(false)</c>) run inline instead of being posted elsewhere; a test
    /// runner's context (NUnit installs one) would otherwise move them off the advancing thread.</summary>
    private static void Inline(Action complete)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            complete();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static HttpRequestException Refusal(Uri uri) =>
        new(HttpRequestError.ConnectionError, $"Connection refused ({uri.Host}:{uri.Port})", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpResponseMessage ToMessage(RestResponse answer, HttpRequestMessage request)
    {
        var content = new ByteArrayContent(answer.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        var message = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
        foreach (var (name, value) in answer.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
