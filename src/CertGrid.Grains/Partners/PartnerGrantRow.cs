using CertGrid.Abstractions.Partners;
using CertGrid.Domain.Partners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Partners;

/// <summary>A community's grant to a partner, in the community's partition of the partners table.</summary>
public sealed class PartnerGrantRow : ReadModelRow
{
    public const string Prefix = "g|";

    public string PartnerName { get; set; } = string.Empty;
    public string Scopes { get; set; } = string.Empty;
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string GrantedBy { get; set; } = string.Empty;
    public DateTimeOffset? RevokedAt { get; set; }

    public static PartnerGrantRow From(string partnerId, string partnerName, PartnerGrant grant) => new()
    {
        PartitionKey = grant.Community,
        RowKey = Prefix + partnerId,
        PartnerName = partnerName,
        Scopes = string.Join(' ', grant.Scopes),
        GrantedAt = grant.GrantedAt,
        ExpiresAt = grant.ExpiresAt,
        GrantedBy = grant.GrantedBy,
        RevokedAt = grant.RevokedAt,
    };

    public CommunityPartnerGrant ToGrant() => new(RowKey[Prefix.Length..], PartnerName,
        new PartnerGrant(PartitionKey, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), GrantedAt, ExpiresAt, GrantedBy, RevokedAt));
}
