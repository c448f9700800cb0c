using CertGrid.Domain.Partners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Partners;

[GenerateSerializer, Alias("certgrid.state.partner")]
public sealed class PartnerState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Website { get; set; } = string.Empty;
    [Id(2)] public string VerifiedDomain { get; set; } = string.Empty;
    [Id(3)] public string ContactEmail { get; set; } = string.Empty;
    [Id(4)] public string Purpose { get; set; } = string.Empty;
    [Id(5)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(6)] public List<PartnerKey> Keys { get; set; } = [];

    /// <summary>Grants by community; a revoked or expired grant stays, so the partner's history is complete.</summary>
    [Id(7)] public Dictionary<string, PartnerGrant> Grants { get; set; } = [];
}
