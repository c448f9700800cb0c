using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Programs;

[GenerateSerializer, Alias("certgrid.state.framework")]
public sealed class FrameworkState : DurableState
{
    // Ids 0-6: the single-version framework of the foundation; read once to migrate into Versions, then left as they were.
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public string Version { get; set; } = "1.0.0";
    [Id(3)] public PublicationStatus Status { get; set; }
    [Id(4)] public List<Competency> Competencies { get; set; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Every version, oldest first.</summary>
    [Id(7)] public List<FrameworkVersionRecord> Versions { get; set; } = [];

    /// <summary>How often the steering committee reviews the framework, in days (null: no scheduled reviews).</summary>
    [Id(8)] public int? ReviewCadenceDays { get; set; }

    /// <summary>A framework stored before versioning gets its one version as the first entry of its history (in memory; stored with the next change).</summary>
    public void MigrateSingleVersion()
    {
        if (Versions.Count == 0)
        {
            Versions.Add(new FrameworkVersionRecord
            {
                Version = Version,
                Status = Status == PublicationStatus.Published ? FrameworkVersionStatus.Published : FrameworkVersionStatus.Draft,
                Content = new FrameworkContent(Name, Description, [], Competencies, ProficiencyLevel.Default),
                CreatedAt = CreatedAt,
                CreatedBy = "migration",
                PublishedAt = PublishedAt,
            });
        }
    }
}

/// <summary>A stored framework version. Its status is what the framework did; committee decisions are read from governance.</summary>
[GenerateSerializer, Alias("certgrid.state.framework-version")]
public sealed class FrameworkVersionRecord
{
    [Id(0)] public string Version { get; set; } = "1.0.0";
    [Id(1)] public FrameworkVersionStatus Status { get; set; }
    [Id(2)] public FrameworkContent Content { get; set; } = new(string.Empty, null, [], [], []);
    [Id(3)] public string? ChangeNote { get; set; }
    [Id(4)] public string? BasedOn { get; set; }
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public string CreatedBy { get; set; } = string.Empty;
    [Id(7)] public string? ProposalId { get; set; }
    [Id(8)] public DateTimeOffset? ProposedAt { get; set; }
    [Id(9)] public DateTimeOffset? PublishedAt { get; set; }
    [Id(10)] public string? PublishedBy { get; set; }
    [Id(11)] public string? RetirementProposalId { get; set; }
    [Id(12)] public DateTimeOffset? RetiredAt { get; set; }
    [Id(13)] public string? RetirementReason { get; set; }

    public bool IsReleased => Status is FrameworkVersionStatus.Published or FrameworkVersionStatus.Retired;
}
