namespace CertGrid.Api.GraphQl.ResponseCaching;

/// <summary>
/// What the resolvers of one request say about reusing its whole response. A root field whose answer is public
/// (the same for every caller) and stays right until a given instant, unless the verification epoch moves, says so
/// with <see cref="Cacheable"/>; a response is reused only if every root field did. Root fields may resolve in
/// parallel, hence the lock.
/// </summary>
public sealed class ResponseCacheHint
{
    private readonly Lock _gate = new();
    private int _cacheableFields;
    private DateTimeOffset _until = DateTimeOffset.MaxValue;

    /// <summary>How many root fields declared their answer cacheable.</summary>
    public int CacheableFields
    {
        get
        {
            lock (_gate)
            {
                return _cacheableFields;
            }
        }
    }

    /// <summary>The earliest instant any of them could change by itself.</summary>
    public DateTimeOffset Until
    {
        get
        {
            lock (_gate)
            {
                return _until;
            }
        }
    }

    public void Cacheable(DateTimeOffset until)
    {
        lock (_gate)
        {
            _cacheableFields++;
            if (until < _until)
            {
                _until = until;
            }
        }
    }
}
