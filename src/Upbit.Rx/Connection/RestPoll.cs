using Upbit.Rx.Rest;
using Upbit.Rx.Streams;

namespace Upbit.Rx.Connection;

/// <summary>One REST request of the fallback: what it fetches, and how its answer becomes the stream values it stands for.</summary>
/// <param name="Group">The rate-limit group it is paced in.</param>
/// <param name="Describe">The request, for an error message (<c>GET /v1/ticker for 3 codes</c>).</param>
/// <param name="Fetch">Sends the request and returns the values to publish, already marked <see cref="Streams.StreamType.Rest"/>.</param>
internal sealed record RestPoll(RestGroup Group, Func<string> Describe, Func<UpbitRestClient, CancellationToken, Task<IReadOnlyList<UpbitMessage>>> Fetch);
