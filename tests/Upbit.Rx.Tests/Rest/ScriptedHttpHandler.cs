using System.Net;
using System.Text;
using Microsoft.Reactive.Testing;

namespace Upbit.Rx.Tests.Rest;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers from a script, in order, and records each request with the virtual
/// time it was sent at. Answers complete synchronously, so a whole call runs inside the scheduler's advance.
/// </summary>
internal sealed class ScriptedHttpHandler(TestScheduler scheduler) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    /// <summary>What to answer when the script is empty; by default, fails the test loudly.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Otherwise { get; set; }

    public List<(Uri Uri, TimeSpan At, HttpRequestMessage Request)> Sent { get; } = [];

    public IEnumerable<string> PathsAndQueries => Sent.Select(s => s.Uri.PathAndQuery);

    public IEnumerable<TimeSpan> Times => Sent.Select(s => s.At);

    public ScriptedHttpHandler Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ScriptedHttpHandler ThenJson(string json, string? remainingReq = null) => Then(_ => Json(json, remainingReq));

    public ScriptedHttpHandler ThenStatus(HttpStatusCode status, string body, string mediaType = "text/plain") =>
        Then(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    public static HttpResponseMessage Json(string json, string? remainingReq = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (remainingReq is not null)
        {
            response.Headers.TryAddWithoutValidation("Remaining-Req", remainingReq);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sent.Add((request.RequestUri!, scheduler.Now - RestTestRun.Start, request));
        var answer = _script.Count > 0 ? _script.Dequeue() : Otherwise ?? throw new InvalidOperationException($"Unscripted request {request.RequestUri}");
        var response = answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
