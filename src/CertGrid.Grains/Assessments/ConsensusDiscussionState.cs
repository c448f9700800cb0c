using CertGrid.Abstractions.Assessments;
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

    /// <summary>Whether the attempt has applied the decision (resumed on the next close call if not).</summary>
    [Id(8)] public bool Applied { get; set; }
}
