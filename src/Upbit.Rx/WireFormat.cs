namespace Upbit.Rx;

/// <summary>The message format requested from Upbit; it applies to the whole connection.</summary>
public enum WireFormat
{
    /// <summary><c>DEFAULT</c>: full field names, one JSON object per frame.</summary>
    Default,

    /// <summary><c>SIMPLE</c>: abbreviated field names, one JSON object per frame.</summary>
    Simple,

    /// <summary><c>JSON_LIST</c>: full field names, each frame a JSON array of messages.</summary>
    JsonList,

    /// <summary><c>SIMPLE_LIST</c>: abbreviated field names, each frame a JSON array of messages.</summary>
    SimpleList,
}
