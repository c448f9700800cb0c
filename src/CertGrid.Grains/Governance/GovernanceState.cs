using CertGrid.Domain.Governance;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Governance;

[GenerateSerializer, Alias("certgrid.state.governance")]
public sealed class GovernanceState : DurableState
{
    [Id(0)] public bool Enabled { get; set; }
    [Id(1)] public int Quorum { get; set; }
    [Id(2)] public int TermWarningDays { get; set; } = 30;
    [Id(3)] public DateTimeOffset? EnabledAt { get; set; }
    [Id(4)] public DateTimeOffset? LastCheckedAt { get; set; }
    [Id(5)] public Dictionary<string, ProposalRecord> Proposals { get; set; } = [];
    [Id(6)] public Dictionary<string, ReviewSchedule> Reviews { get; set; } = [];

    /// <summary>Notices raised for the committee, oldest first (the newest <see cref="GovernanceGrain.MaxNotices"/> are kept).</summary>
    [Id(7)] public List<GovernanceNotice> Notices { get; set; } = [];
}

[GenerateSerializer, Alias("certgrid.state.proposal")]
public sealed class ProposalRecord
{
    [Id(0)] public string Id { get; set; } = string.Empty;
    [Id(1)] public ProposalKind Kind { get; set; }
    [Id(2)] public string SubjectId { get; set; } = string.Empty;
    [Id(3)] public string SubjectVersion { get; set; } = string.Empty;
    [Id(4)] public string Title { get; set; } = string.Empty;
    [Id(5)] public string? Summary { get; set; }
    [Id(6)] public string ProposedBy { get; set; } = string.Empty;
    [Id(7)] public string? ProposerPerson { get; set; }
    [Id(8)] public List<string> ProposerIdentities { get; set; } = [];
    [Id(9)] public DateTimeOffset OpenedAt { get; set; }
    [Id(10)] public int Quorum { get; set; }
    [Id(11)] public List<string> Electorate { get; set; } = [];
    [Id(12)] public List<Vote> Votes { get; set; } = [];
    [Id(13)] public ProposalStatus Status { get; set; }
    [Id(14)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(15)] public string? DecidedBy { get; set; }
    [Id(16)] public string? Content { get; set; }
}
