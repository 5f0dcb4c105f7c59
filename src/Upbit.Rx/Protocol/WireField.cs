namespace Upbit.Rx.Protocol;

/// <summary>One row of the name table: a field's DEFAULT key, its SIMPLE key, its value kind and its scope.</summary>
/// <param name="Id">The field.</param>
/// <param name="Default">The key in <c>DEFAULT</c> / <c>JSON_LIST</c> frames.</param>
/// <param name="Simple">The key in <c>SIMPLE</c> / <c>SIMPLE_LIST</c> frames.</param>
/// <param name="Kind">The JSON value the field holds.</param>
/// <param name="Scope">The object the key appears in.</param>
/// <param name="Slot">The field the decoder stores the value in; differs from <paramref name="Id"/> only for aliases
/// (ticker's <c>tdt</c> and trade's <c>td</c> both hold a trade date).</param>
internal readonly record struct WireField(FieldId Id, string Default, string Simple, FieldKind Kind, FieldScope Scope, FieldId Slot)
{
    /// <summary>The key for the given naming.</summary>
    public string Name(bool simple) => simple ? Simple : Default;
}
