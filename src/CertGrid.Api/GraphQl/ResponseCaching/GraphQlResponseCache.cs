using System.Collections.Concurrent;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl.ResponseCaching;

/// <summary>
/// Whole GraphQL responses replayed byte for byte to identical requests, for queries whose every root field said
/// its answer is public and still right (<see cref="ResponseCacheHint"/>; today <c>verifyCredential</c>). An entry
/// is replayed only while the <see cref="VerificationEpoch"/> is the one read before its request executed (no
/// status bit flipped and no key was withdrawn since, here or on a node that announced it) and the domain clock
/// is before the instant its fields gave. A replay skips parsing, validation, execution and serialization; the
/// request is still authenticated and rate limited first. Memory is bounded by <see cref="GraphQlOptions.ResponseCacheBytes"/>.
/// </summary>
public sealed class GraphQlResponseCache(VerificationEpoch epoch, IOptions<GraphQlOptions> options, IServiceProvider services)
{
    /// <summary>Responses larger than this are not kept (a verification answer is 1–3 KB).</summary>
    public const int MaxEntryBytes = 64 * 1024;

    private readonly ConcurrentDictionary<ResponseCacheKey, Entry> _entries = new();
    private readonly TimeProvider _clock = services.GetKeyedService<TimeProvider>(DomainClock.ServiceKey) ?? TimeProvider.System;
    private readonly long _budget = options.Value.ResponseCacheBytes;
    private readonly Lock _gate = new();
    private long _bytes;
    private long _hits;

    /// <summary>Responses replayed so far (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public bool Enabled => _budget > 0;

    /// <summary>Read before a request executes; the entry it may produce is valid only while the epoch stays here.</summary>
    public long CurrentEpoch => epoch.Current;

    /// <summary>A stored response and the cost in points its request was charged, which a replay is charged too.</summary>
    public bool TryGet(ResponseCacheKey key, out byte[] body, out long cost)
    {
        body = [];
        cost = 0;
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (entry.Epoch != epoch.Current || _clock.GetUtcNow() >= entry.Until)
        {
            Remove(key, entry);
            return false;
        }

        Interlocked.Increment(ref _hits);
        body = entry.Body;
        cost = entry.Cost;
        return true;
    }

    /// <summary>
    /// Whether a result may be kept: an executed query without errors whose root selections are plain fields, each
    /// of which (other than <c>__typename</c>) declared itself cacheable in <paramref name="hint"/>.
    /// </summary>
    public bool IsCacheable(ExecutionResult result, ResponseCacheHint hint)
    {
        if (!Enabled || !result.Executed || result.Errors is { Count: > 0 } || result.Operation is not { Operation: OperationType.Query } operation ||
            hint.CacheableFields == 0)
        {
            return false;
        }

        var fields = 0;
        foreach (var selection in operation.SelectionSet.Selections)
        {
            if (selection is not GraphQLField field)
            {
                return false;
            }

            if (field.Name.Value != "__typename")
            {
                fields++;
            }
        }

        return fields == hint.CacheableFields;
    }

    public void Store(ResponseCacheKey key, long computedIn, DateTimeOffset until, byte[] body, long cost)
    {
        if (!Enabled || body.Length > MaxEntryBytes || _budget < body.Length)
        {
            return;
        }

        lock (_gate)
        {
            if (_bytes + body.Length > _budget)
            {
                _entries.Clear();
                _bytes = 0;
            }

            if (_entries.TryGetValue(key, out var previous))
            {
                _bytes -= previous.Body.Length;
            }

            _entries[key] = new Entry(body, computedIn, until, cost);
            _bytes += body.Length;
        }
    }

    private void Remove(ResponseCacheKey key, Entry entry)
    {
        lock (_gate)
        {
            if (_entries.TryRemove(new KeyValuePair<ResponseCacheKey, Entry>(key, entry)))
            {
                _bytes -= entry.Body.Length;
            }
        }
    }

    private sealed record Entry(byte[] Body, long Epoch, DateTimeOffset Until, long Cost);
}
