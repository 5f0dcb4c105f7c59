namespace Upbit.Rx.Subscriptions;

/// <summary>The announcement categories Upbit accepts in <c>categories</c>; any other value gets <c>INVALID_PARAM</c>.</summary>
internal static class AnnouncementCategories
{
    /// <summary>Every category, in the order the protocol lists them.</summary>
    public static readonly string[] All = ["notice", "trade", "wallet", "maintenance", "digital_asset", "nft", "service", "event"];

    /// <summary>
    /// Checks the categories at the call: an unknown one would make Upbit reject the whole announcement type object,
    /// which carries every subscriber's categories, so one typo would fail the others' streams.
    /// </summary>
    /// <returns>The distinct categories, or an empty list for every category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    /// <exception cref="ArgumentException">A category is null or not one of <see cref="All"/> (the message lists them).</exception>
    public static IReadOnlyList<string> Validate(IEnumerable<string> categories, string paramName)
    {
        ArgumentNullException.ThrowIfNull(categories, paramName);
        var result = new List<string>();
        foreach (var category in categories)
        {
            if (category is null || Array.IndexOf(All, category) < 0)
            {
                throw new ArgumentException($"'{category}' is not an announcement category; use one of {string.Join(", ", All)} (lower case), or none for all.", paramName);
            }

            if (!result.Contains(category, StringComparer.Ordinal))
            {
                result.Add(category);
            }
        }

        return result;
    }
}
