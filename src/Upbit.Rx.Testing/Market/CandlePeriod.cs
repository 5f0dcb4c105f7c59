namespace Upbit.Rx.Testing.Market;

/// <summary>
/// A REST candle period: seconds, minutes (1, 3, 5, 10, 15, 30, 60, 240), days, weeks, months or years. Windows are
/// UTC: a day starts at 00:00 UTC (09:00 KST, Upbit's day boundary), a week on Monday, a month on its first day.
/// </summary>
internal readonly record struct CandlePeriod(CandlePeriodKind Kind, int Minutes)
{
    public static readonly IReadOnlyList<int> MinuteUnits = [1, 3, 5, 10, 15, 30, 60, 240];

    public static IReadOnlyList<CandlePeriod> All { get; } =
    [
        new(CandlePeriodKind.Seconds, 0),
        .. MinuteUnits.Select(m => new CandlePeriod(CandlePeriodKind.Minutes, m)),
        new(CandlePeriodKind.Days, 0),
        new(CandlePeriodKind.Weeks, 0),
        new(CandlePeriodKind.Months, 0),
        new(CandlePeriodKind.Years, 0),
    ];

    /// <summary>The start of the window holding <paramref name="utc"/>.</summary>
    public DateTime WindowStart(DateTime utc) => Kind switch
    {
        CandlePeriodKind.Seconds => new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
        CandlePeriodKind.Minutes => new DateTime(utc.Ticks - (utc.Ticks % (Minutes * TimeSpan.TicksPerMinute)), DateTimeKind.Utc),
        CandlePeriodKind.Days => utc.Date,
        CandlePeriodKind.Weeks => utc.Date.AddDays(-(((int)utc.DayOfWeek + 6) % 7)),
        CandlePeriodKind.Months => new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => new DateTime(utc.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
