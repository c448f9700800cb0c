namespace CertGrid.Grains.Storage;

/// <summary>
/// What a single writer remembers of the rows it wrote or read, bounded to about <c>capacity</c> entries in two
/// generations: when the newer holds half, it becomes the older and the older is forgotten. So the most recent half at
/// least is always remembered — a burst of new rows never empties the memory at once, as clearing all at the limit does.
/// A value may be null (known to be absent). Not thread-safe: for one grain's turns.
/// </summary>
internal sealed class RecentlyKnown<TValue>(int capacity)
    where TValue : class
{
    private Dictionary<string, TValue?> _newer = new(StringComparer.Ordinal);
    private Dictionary<string, TValue?> _older = new(StringComparer.Ordinal);

    public int Count => _newer.Count + _older.Count;

    public bool TryGet(string key, out TValue? value) => _newer.TryGetValue(key, out value) || _older.TryGetValue(key, out value);

    public void Remember(string key, TValue? value)
    {
        if (_newer.Count >= capacity / 2 && !_newer.ContainsKey(key))
        {
            (_older, _newer) = (_newer, new Dictionary<string, TValue?>(StringComparer.Ordinal));
        }

        _newer[key] = value;
        _older.Remove(key);
    }

    public void Forget(string key)
    {
        _newer.Remove(key);
        _older.Remove(key);
    }
}
