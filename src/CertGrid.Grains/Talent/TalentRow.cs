using System.Text.Json;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Talent;

/// <summary>A discoverable learner's talent profile in the community's talent table (as JSON: exactly what was consented).</summary>
public sealed class TalentRow : ReadModelRow
{
    public string Profile { get; set; } = string.Empty;

    public static TalentRow From(string community, TalentProfile profile) => new()
    {
        PartitionKey = community,
        RowKey = profile.LearnerId,
        Profile = JsonSerializer.Serialize(profile),
    };

    public TalentProfile ToProfile() => JsonSerializer.Deserialize<TalentProfile>(Profile)!;
}
