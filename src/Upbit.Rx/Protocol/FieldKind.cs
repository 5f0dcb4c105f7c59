namespace Upbit.Rx.Protocol;

/// <summary>The JSON value a wire field holds, which decides how the decoder reads it.</summary>
internal enum FieldKind
{
    String,
    Decimal,
    Int64,
    Int32,
    Boolean,
    OrderbookUnits,
    Assets,
    SubscriptionEntries,
    ErrorObject,
    StringList,
}
