namespace Upbit.Rx.Cli.Views;

/// <summary>A column of a <see cref="FittedTable"/>.</summary>
/// <param name="Header">The header when there is room.</param>
/// <param name="CompactHeader">The header when the column shrinks.</param>
/// <param name="Priority">0: always shown (shrinks last); higher numbers shrink, then drop, first.</param>
/// <param name="RightAligned">Numbers are right-aligned.</param>
internal sealed record FittedColumn(string Header, string CompactHeader, int Priority, bool RightAligned = true);
