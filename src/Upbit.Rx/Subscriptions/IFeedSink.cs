using Upbit.Rx.Streams;

namespace Upbit.Rx.Subscriptions;

/// <summary>One subscriber's attachment to one <see cref="KeyFeed"/>.</summary>
internal interface IFeedSink
{
    /// <summary>A live message (already deduplicated by the feed).</summary>
    void OnLive(UpbitMessage message);

    /// <summary>The feed's latest value, handed to a subscriber that attached after it arrived.</summary>
    void OnCached(UpbitMessage message);

    /// <summary>The stream can never succeed (for example a server error frame concerning it).</summary>
    void OnFailed(Exception error);

    /// <summary>The client was disposed: the stream ends.</summary>
    void OnEnded();
}
