namespace Upbit.Rx.Testing.Market;

/// <summary>A bounded, append-only sequence: past <c>capacity</c> items the oldest is forgotten. Index 0 is the
/// oldest item kept. Not thread-safe.</summary>
internal sealed class Ring<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _items[(_start + index) % _items.Length];
        set => _items[(_start + index) % _items.Length] = value;
    }

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return;
        }

        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
    }

    /// <summary>The index of the first item whose key is not below <paramref name="key"/> (items ascend by key), or
    /// <see cref="Count"/> when there is none.</summary>
    public int LowerBound<TKey>(TKey key, Func<T, TKey> keyOf)
        where TKey : IComparable<TKey>
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (keyOf(this[middle]).CompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
