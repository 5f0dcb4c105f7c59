namespace Upbit.Rx.Streams;

/// <summary>What happened to a notice (<c>event_type</c>, SIMPLE <c>et</c>).</summary>
public enum AnnouncementEventType
{
    /// <summary>A value this library does not know yet (or none was sent); kept so new server values never crash the feed.</summary>
    Unknown = 0,

    /// <summary><c>CREATED</c>: a new notice was published.</summary>
    Created,

    /// <summary><c>UPDATED</c>: an existing notice was edited.</summary>
    Updated,
}
