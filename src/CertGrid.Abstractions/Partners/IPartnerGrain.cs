using CertGrid.Domain.Partners;

namespace CertGrid.Abstractions.Partners;

/// <summary>
/// A partner organisation: its profile, its keys (hashed, expiring, revocable) and the grants communities gave it.
/// Platform-level: key is the partner id (<c>ptn_…</c>). Grants name their community; a community admin changes only
/// their own community's grant.
/// </summary>
public interface IPartnerGrain : IGrainWithStringKey
{
    /// <summary>Registers the organisation (operator). CONFLICT if the id is taken.</summary>
    Task<PartnerProfile> RegisterAsync(RegisterPartner command, string actor);

    /// <summary>The profile; NOT_FOUND for an unregistered id.</summary>
    [ReadOnly]
    Task<PartnerProfile> GetAsync();

    /// <summary>Issues a key valid until <paramref name="expiresAt"/> (at most a year); its token is returned this once.</summary>
    Task<IssuedPartnerKey> IssueKeyAsync(string label, DateTimeOffset? expiresAt, string actor);

    /// <summary>Revokes a key for good. Idempotent.</summary>
    Task<PartnerKeyInfo> RevokeKeyAsync(string keyId, string actor);

    [ReadOnly]
    Task<IReadOnlyList<PartnerKeyInfo>> ListKeysAsync();

    /// <summary>The key's hash and validity with the partner's grants, or null when the partner or key does not exist.</summary>
    [ReadOnly]
    Task<PartnerKeyCheck?> CheckKeyAsync(string keyId);

    /// <summary>Grants (or replaces the grant of) <paramref name="community"/> with scopes until an expiry.</summary>
    Task<PartnerGrant> GrantAsync(string community, IReadOnlyList<string> scopes, DateTimeOffset expiresAt, string actor);

    /// <summary>Revokes the grant of <paramref name="community"/>; NOT_FOUND when it has none. Idempotent.</summary>
    Task<PartnerGrant> RevokeGrantAsync(string community, string actor);

    /// <summary>Every grant, active or not.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PartnerGrant>> ListGrantsAsync();
}
