using CertGrid.Abstractions.Events;
using CertGrid.Abstractions.Partners;
using CertGrid.Api.GraphQl;
using CertGrid.Domain.Access;
using CertGrid.Domain.Events;

namespace CertGrid.Api.Events;

/// <summary>
/// Reads a partner organisation's live stream of one community within its grant: before every read of the feed the
/// partner's key and grant are checked again, so a key or grant revoked (or expired) while the stream is open ends it
/// with FORBIDDEN; learners' consents are read with every page (<see cref="IEventFeedReaderGrain.ReadForPartnerAsync"/>).
/// </summary>
public sealed class PartnerLiveFeed(IGrainFactory grains, TimeProvider clock, string partnerId, string keyId, string community, IReadOnlySet<string> types)
{
    public async Task<EventFeedPage> ReadAsync(long after)
    {
        var check = await grains.GetGrain<IPartnerGrain>(partnerId).CheckKeyAsync(keyId);
        if (check is not { Usable: true } || !check.Grants.Any(g => g.Community == community && g.Allows(PartnerScopes.ReadCredentials, clock.GetUtcNow())))
        {
            throw CertGridErrorMiddleware.ErrorOf(CertGridException.Forbidden(
                $"Your organisation's key or its '{PartnerScopes.ReadCredentials}' grant from community '{community}' is no longer active; the stream ends."));
        }

        return await grains.GetGrain<IEventFeedReaderGrain>(community).ReadForPartnerAsync(partnerId, after, LiveEventFeed.PageSize, types);
    }
}
