namespace Upbit.Rx.Protocol;

/// <summary>
/// One type object of a subscription request while <see cref="RequestPlanner"/> builds it: a (type, delivery, level)
/// and the codes that go in it.
/// </summary>
internal sealed class RequestGroup(string type, KeyDelivery delivery, decimal level)
{
    public string Type => type;

    public KeyDelivery Delivery => delivery;

    /// <summary>The orderbook level (0 for every other type), as the first key of the group gave it.</summary>
    public decimal Level => level;

    /// <summary>Whether any key of the group wants announcement bodies.</summary>
    public bool IncludeBody { get; set; }

    /// <summary>The codes as added: unsorted, possibly repeated; see <see cref="SortedCodes"/>.</summary>
    public List<string> Codes { get; } = [];

    /// <summary>Type name (ordinal), then delivery, then level: the order type objects go on the wire in.</summary>
    public static int Compare(RequestGroup a, RequestGroup b)
    {
        var byType = string.CompareOrdinal(a.Type, b.Type);
        return byType != 0 ? byType : a.Delivery != b.Delivery ? a.Delivery.CompareTo(b.Delivery) : a.Level.CompareTo(b.Level);
    }

    /// <summary>Whether a key of this type, delivery and level belongs here (levels compare by value: 1.0 is 1.00).</summary>
    public bool Is(string otherType, KeyDelivery otherDelivery, decimal otherLevel) =>
        delivery == otherDelivery && level == otherLevel && string.Equals(type, otherType, StringComparison.Ordinal);

    /// <summary>The codes sorted ordinally, each once.</summary>
    public List<string> SortedCodes()
    {
        Codes.Sort(StringComparer.Ordinal);
        var distinct = new List<string>(Codes.Count);
        foreach (var code in Codes)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[^1], code, StringComparison.Ordinal))
            {
                distinct.Add(code);
            }
        }

        return distinct;
    }
}
