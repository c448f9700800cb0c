using CertGrid.Abstractions.Partners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Partners;

/// <summary>A partner organisation in the platform's partner list (partition <see cref="PartnerGrain.Platform"/>).</summary>
public sealed class PartnerRow : ReadModelRow
{
    public string Name { get; set; } = string.Empty;
    public string Website { get; set; } = string.Empty;
    public string VerifiedDomain { get; set; } = string.Empty;
    public string ContactEmail { get; set; } = string.Empty;
    public string Purpose { get; set; } = string.Empty;
    public DateTimeOffset RegisteredAt { get; set; }

    public static PartnerRow From(PartnerProfile profile) => new()
    {
        PartitionKey = PartnerGrain.Platform,
        RowKey = profile.Id,
        Name = profile.Name,
        Website = profile.Website,
        VerifiedDomain = profile.VerifiedDomain,
        ContactEmail = profile.ContactEmail,
        Purpose = profile.Purpose,
        RegisteredAt = profile.RegisteredAt,
    };

    public PartnerProfile ToProfile() => new(RowKey, Name, Website, VerifiedDomain, ContactEmail, Purpose, RegisteredAt);
}
