using System.Collections.Concurrent;
using CertGrid.Abstractions.TrustedDocuments;
using CertGrid.Domain.TrustedDocuments;
using Orleans;

namespace CertGrid.Api.TrustedDocuments;

/// <summary>
/// The gateway's view of each community's trusted documents and policy, kept in memory for
/// <see cref="Lifetime"/> so a request does not cost a grain call: a registration is usable at once (a miss asks the
/// grain), a removal or a policy change applies at once on the gateway that made it and on the others within that time.
/// </summary>
public sealed class TrustedDocumentStore(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (TrustedDocumentPolicy Policy, DateTimeOffset Until)> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Community, string Hash), (string Text, DateTimeOffset Until)> _documents = new();

    public async Task<TrustedDocumentPolicy> PolicyAsync(string community)
    {
        if (_policies.TryGetValue(community, out var known) && known.Until > clock.GetUtcNow())
        {
            return known.Policy;
        }

        var policy = await grains.GetGrain<ITrustedDocumentsGrain>(community).GetPolicyAsync();
        Remember(_policies, community, (policy, clock.GetUtcNow() + Lifetime));
        return policy;
    }

    /// <summary>The text of a registered document, or null.</summary>
    public async Task<string?> FindAsync(string community, string hash)
    {
        if (_documents.TryGetValue((community, hash), out var known) && known.Until > clock.GetUtcNow())
        {
            return known.Text;
        }

        var document = await grains.GetGrain<ITrustedDocumentsGrain>(community).FindAsync(hash);
        if (document is not null)
        {
            Remember(_documents, (community, hash), (document.Text, clock.GetUtcNow() + Lifetime));
        }

        return document?.Text;
    }

    /// <summary>Drops what this gateway remembers of a community's policy (and of one document), after it changed them.</summary>
    public void Forget(string community, string? hash = null)
    {
        _policies.TryRemove(community, out _);
        if (hash is not null)
        {
            _documents.TryRemove((community, hash), out _);
        }
    }

    private static void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, TKey key, TValue value)
        where TKey : notnull
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = value;
    }
}
