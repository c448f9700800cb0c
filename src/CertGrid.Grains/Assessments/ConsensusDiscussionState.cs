using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Assessments;

[GenerateSerializer, Alias("certgrid.state.consensus-discussion")]
public sealed class ConsensusDiscussionState : DurableState
{
    [Id(0)] public string LeadEvaluatorId { get; set; } = string.Empty;
    [Id(1)] public List<string> PanelEvaluatorIds { get; set; } = [];
    [Id(2)] public string Reason { get; set; } = string.Empty;
    [Id(3)] public Rubric Rubric { get; set; } = new([], 0);
    [Id(4)] public DateTimeOffset OpenedAt { get; set; }
    [Id(5)] public List<DiscussionNote> Notes { get; set; } = [];
    [Id(6)] public DiscussionDecision? Decision { get; set; }
    [Id(7)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the current lead took the role; the lead's deadline runs from here.</summary>
    [Id(9)] public DateTimeOffset LeadSince { get; set; }

    /// <summary>The credential's review deadline in days: how long a lead has to close before the role passes on (null: no deadline).</summary>
    [Id(10)] public int? LeadDeadlineDays { get; set; }

    /// <summary>Panel members who left the discussion; they neither post nor lead.</summary>
    [Id(11)] public List<string> Recused { get; set; } = [];

    /// <summary>The lead's deadline as scheduled in the community's deadline bucket (null: none scheduled).</summary>
    [Id(12)] public ScheduledDeadline? ScheduledLeadDeadline { get; set; }

    /// <summary>When the notes' text was erased (the assessed learner's erasure).</summary>
    [Id(13)] public DateTimeOffset? NotesErasedAt { get; set; }

    public DateTimeOffset? LeadDueAt => Decision is null && LeadDeadlineDays is { } days ? LeadSince.AddDays(days) : null;
}
