namespace Upbit.Rx.Cli.Views;

/// <summary>One cell of a <see cref="FittedTable"/>: its full text, a shorter form for narrow screens, and a Spectre style.</summary>
/// <param name="Full">The text when there is room.</param>
/// <param name="Compact">The text when the column must shrink (may equal <paramref name="Full"/>).</param>
/// <param name="Style">A Spectre style such as <c>red</c>, or <see langword="null"/>.</param>
internal sealed record FittedCell(string Full, string Compact, string? Style = null)
{
    public static FittedCell Of(string text, string? style = null) => new(text, text, style);
}
