using System.Globalization;

namespace Upbit.Rx.Streams;

/// <summary>A notice published or edited by Upbit (<c>type</c> = <c>announcement</c>, private endpoint).</summary>
public sealed record Announcement : UpbitMessage
{
    /// <summary>Whether the notice is new or edited (<c>event_type</c>).</summary>
    public required AnnouncementEventType EventType { get; init; }

    /// <summary>The notice id, a numeric string such as <c>"562593104"</c> (<c>uuid</c>).</summary>
    public required string Uuid { get; init; }

    /// <summary>The notice title (<c>title</c>).</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The category as sent (<c>category</c>): <c>notice</c>, <c>trade</c>, <c>wallet</c>, <c>maintenance</c>,
    /// <c>digital_asset</c>, <c>nft</c>, <c>service</c>, <c>event</c>. NB: kept as text because Upbit adds categories.
    /// </summary>
    public required string Category { get; init; }

    /// <summary>The link to the notice (<c>url</c>).</summary>
    public required string Url { get; init; }

    /// <summary>When the notice was first published, ISO 8601 with a <c>+09:00</c> offset, as sent (<c>first_listed_at</c>).</summary>
    public required string FirstListedAt { get; init; }

    /// <summary>When the notice was last published, ISO 8601 with a <c>+09:00</c> offset, as sent (<c>listed_at</c>).</summary>
    public required string ListedAt { get; init; }

    /// <summary>The server timestamp of the message in Unix milliseconds (<c>timestamp</c>).</summary>
    public required long Timestamp { get; init; }

    /// <summary>Always <see cref="StreamType.Realtime"/> in practice (<c>stream_type</c>).</summary>
    public required StreamType StreamType { get; init; }

    /// <summary>The notice body in Markdown (<c>body</c>); only with <c>include_body</c>, and <see langword="null"/> when large.</summary>
    public required string? Body { get; init; }

    /// <summary><see cref="Timestamp"/> as a UTC instant.</summary>
    public DateTimeOffset Time => UnixMilliseconds.ToTime(Timestamp);

    /// <summary><see cref="FirstListedAt"/> parsed, keeping its offset; <see langword="null"/> when it is not ISO 8601.</summary>
    public DateTimeOffset? FirstListedTime => ParseIso(FirstListedAt);

    /// <summary><see cref="ListedAt"/> parsed, keeping its offset; <see langword="null"/> when it is not ISO 8601.</summary>
    public DateTimeOffset? ListedTime => ParseIso(ListedAt);

    private static DateTimeOffset? ParseIso(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
