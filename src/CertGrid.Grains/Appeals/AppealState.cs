using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Appeals;

[GenerateSerializer, Alias("certgrid.state.appeal")]
public sealed class AppealState : DurableState
{
    [Id(0)] public string AttemptId { get; set; } = string.Empty;
    [Id(1)] public string LearnerId { get; set; } = string.Empty;
    [Id(2)] public AssessedParty? Learner { get; set; }
    [Id(3)] public string DefinitionId { get; set; } = string.Empty;
    [Id(4)] public Rubric Rubric { get; set; } = new([], 0);
    [Id(5)] public AssessmentPolicy Policy { get; set; } = AssessmentPolicy.Default;
    [Id(6)] public string Justification { get; set; } = string.Empty;
    [Id(7)] public List<EvidenceRef> Evidence { get; set; } = [];
    [Id(8)] public List<EvidenceRef> OriginalEvidence { get; set; } = [];
    [Id(9)] public List<string> OriginalEvaluatorIds { get; set; } = [];
    [Id(10)] public int PanelSize { get; set; }
    [Id(11)] public List<PanelSeat> Panel { get; set; } = [];
    [Id(12)] public List<Review> Reviews { get; set; } = [];
    [Id(13)] public AppealOutcome Outcome { get; set; }
    [Id(14)] public string? Reason { get; set; }
    [Id(15)] public DateTimeOffset FiledAt { get; set; }
    [Id(16)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(17)] public string? CredentialId { get; set; }
    [Id(18)] public string LearnerPseudonym { get; set; } = string.Empty;

    /// <summary>Evaluators who left the appeal panel before reviewing (recused, or missed the deadline); never assigned here again.</summary>
    [Id(20)] public List<FormerSeat> FormerSeats { get; set; } = [];

    /// <summary>Review deadlines (and the empty-seat retry) scheduled in the community's deadline bucket.</summary>
    [Id(21)] public List<string> ScheduledDeadlines { get; set; } = [];

    /// <summary>When the appellant's personal data was erased (their erasure); the appeal then keeps ids, scores and the outcome.</summary>
    [Id(22)] public DateTimeOffset? LearnerDataErasedAt { get; set; }

    /// <summary>The name of the credential appealed for, as emails name it; empty on appeals filed before it was kept.</summary>
    [Id(23)] public string DefinitionName { get; set; } = string.Empty;

    /// <summary>Seats (<see cref="Assessments.ReviewDeadlines.SeatKey"/>) whose evaluator was reminded of their deadline: never reminded twice.</summary>
    [Id(24)] public List<string> RemindedSeats { get; set; } = [];
}
