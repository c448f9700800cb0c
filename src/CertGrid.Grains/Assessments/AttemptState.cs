using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Assessments;

[GenerateSerializer, Alias("certgrid.state.attempt")]
public sealed class AttemptState : DurableState
{
    [Id(0)] public string LearnerId { get; set; } = string.Empty;
    [Id(1)] public AssessedParty? Learner { get; set; }
    [Id(2)] public string DefinitionId { get; set; } = string.Empty;

    /// <summary>The rubric as published when the attempt was submitted: later changes never rescore it.</summary>
    [Id(3)] public Rubric Rubric { get; set; } = new([], 0);
    /// <summary>How many evaluators the panel has now (it grows by one when the panel disagrees).</summary>
    [Id(4)] public int PanelSize { get; set; }

    /// <summary>How many reviews the credential requires before any decision (its evaluators per attempt).</summary>
    [Id(14)] public int RequiredReviews { get; set; }
    [Id(5)] public List<EvidenceRef> Evidence { get; set; } = [];
    [Id(6)] public List<PanelSeat> Panel { get; set; } = [];
    [Id(7)] public List<Review> Reviews { get; set; } = [];
    [Id(8)] public ConsensusVerdict? Verdict { get; set; }
    [Id(9)] public AttemptStatus Status { get; set; }
    [Id(10)] public string? CredentialId { get; set; }
    [Id(11)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(12)] public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The credential's assessment policy when the attempt was submitted (null: an attempt from before policies).</summary>
    [Id(15)] public AssessmentPolicy? Policy { get; set; }
    [Id(16)] public List<ReflectionAnswer> Reflections { get; set; } = [];

    /// <summary>Evaluators who left the panel before reviewing (recused, or missed the deadline); never assigned here again.</summary>
    [Id(17)] public List<FormerSeat> FormerSeats { get; set; } = [];

    /// <summary>The evaluator who leads the consensus discussion, once one is opened.</summary>
    [Id(18)] public string? LeadEvaluatorId { get; set; }

    /// <summary>Levels decided in a consensus discussion or by an appeal panel; null means the panel's lower median.</summary>
    [Id(19)] public List<CriterionResult>? DecidedLevels { get; set; }
    [Id(20)] public string? AppealId { get; set; }
    [Id(21)] public AppealOutcome? AppealOutcome { get; set; }

    /// <summary>Evaluators whose review deadline is scheduled in the community's deadline bucket.</summary>
    [Id(22)] public List<string> ScheduledDeadlines { get; set; } = [];
    [Id(23)] public string DefinitionName { get; set; } = string.Empty;

    /// <summary>The learner's how-manieth attempt at this credential (1 = their application); 0 on attempts from before it was kept.</summary>
    [Id(24)] public int AttemptNumber { get; set; }

    /// <summary>The learner's cohort when they submitted (program analytics break outcomes down by it).</summary>
    [Id(25)] public string? Cohort { get; set; }

    /// <summary>When the learner's personal data (reflections, contact data, evidence names, reviewers' notes) was erased.</summary>
    [Id(26)] public DateTimeOffset? LearnerDataErasedAt { get; set; }

    /// <summary>Seats (<see cref="ReviewDeadlines.SeatKey"/>) whose evaluator was reminded of their deadline: never reminded twice.</summary>
    [Id(27)] public List<string> RemindedSeats { get; set; } = [];

    public AssessmentPolicy EffectivePolicy => Policy ?? AssessmentPolicy.Default with { ReviewDeadlineDays = null, AppealWindowDays = null, ExcludeSameOrganisation = false, Expertise = ExpertiseMatch.AnyCompetency };

    public bool InDiscussion => Status == AttemptStatus.UnderReview && Verdict?.Outcome == ConsensusOutcome.NeedsDiscussion;
}
