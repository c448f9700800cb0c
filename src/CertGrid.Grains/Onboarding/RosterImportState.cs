using CertGrid.Abstractions.Onboarding;
using CertGrid.Domain.Onboarding;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Onboarding;

[GenerateSerializer, Alias("certgrid.state.roster-import")]
public sealed class RosterImportState : DurableState
{
    [Id(0)] public string FileName { get; set; } = string.Empty;
    [Id(1)] public RosterImportStatus Status { get; set; }
    [Id(2)] public long TotalRows { get; set; }
    [Id(3)] public long NewRows { get; set; }
    [Id(4)] public long UnchangedRows { get; set; }
    [Id(5)] public long ErrorCount { get; set; }
    [Id(6)] public List<ImportRowError> Errors { get; set; } = [];

    /// <summary>Rows of the plan already applied: the cursor a restart resumes from.</summary>
    [Id(7)] public long ProcessedRows { get; set; }
    [Id(8)] public long CreatedRows { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(11)] public string AppliedBy { get; set; } = string.Empty;
    [Id(12)] public bool HasResults { get; set; }
    [Id(13)] public ImportKind Kind { get; set; }

    /// <summary>
    /// One bit per planned row, set for rows the community already had when applying started: those are left alone, and a
    /// plan rebuilt after a restart (which sees what this import created as existing) still applies and counts the rest.
    /// </summary>
    [Id(14)] public byte[] UnchangedAtApply { get; set; } = [];
}
