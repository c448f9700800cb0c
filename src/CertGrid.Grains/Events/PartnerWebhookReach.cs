using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Partners;
using CertGrid.Domain.Access;
using CertGrid.Domain.Events;
using CertGrid.Grains.Consents;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>
/// Which new events a partner organisation's webhook endpoints receive, decided when the dispatcher queues them: the
/// partner's grant from the community holds <c>credentials:read</c> now, and the event passes <see cref="PartnerEventRule"/>
/// with its learner's shares as they are now. An event raised after a holder withdrew consent is never queued for the partner.
/// </summary>
public sealed class PartnerWebhookReach
{
    private readonly HashSet<string> _granted;
    private readonly Dictionary<string, ConsentShares> _shares;

    private PartnerWebhookReach(HashSet<string> granted, Dictionary<string, ConsentShares> shares) => (_granted, _shares) = (granted, shares);

    public static async Task<PartnerWebhookReach> LoadAsync(
        IGrainFactory grains, StorageClients storage, string community, IReadOnlyCollection<WebhookTarget> targets, IReadOnlyList<OutboxRow> rows, DateTimeOffset now)
    {
        var partners = targets.Select(t => t.PartnerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (partners.Count == 0 || rows.Count == 0)
        {
            return new PartnerWebhookReach([], []);
        }

        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partner in partners)
        {
            var grants = await grains.GetGrain<IPartnerGrain>(partner).ListGrantsAsync();
            if (grants.Any(g => g.Community == community && g.Allows(PartnerScopes.ReadCredentials, now)))
            {
                granted.Add(partner);
            }
        }

        var learners = rows.Where(r => r.PartnerPayload is not null).Select(r => r.LearnerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var shares = learners.Count == 0 ? [] : (await storage.ReadModel(storage.Names.ConsentSharesTable).FindManyAsync<ConsentSharesRow>(community, learners))
            .ToDictionary(r => r.RowKey, r => r.ToShares(), StringComparer.Ordinal);
        return new PartnerWebhookReach(granted, shares);
    }

    /// <summary>Whether the endpoint receives the new event (an admin's endpoint: always, by type as before).</summary>
    public bool Receives(WebhookTarget target, OutboxRow row) => target.PartnerId is not { } partner
        || (_granted.Contains(partner) && row.PartnerPayload is not null
            && PartnerEventRule.Admits(new DomainEvent(row.NoticeId, row.EventType, default, new EventSubject(row.LearnerId, row.CredentialId)), partner, _shares.GetValueOrDefault(row.LearnerId ?? string.Empty)));
}
