using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Notices.Email;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Calibration;
using CertGrid.Grains.ContinuingEducation;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Evaluators;
using CertGrid.Grains.Integrity;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Recognition;

namespace CertGrid.Grains.Assessments;

/// <summary>What each change of an attempt causes elsewhere, built from the attempt's state at the moment of the change.</summary>
internal static class AttemptEffects
{
    /// <summary>A submission appears in the learner's history and its evidence in the community's evidence index.</summary>
    public static IEnumerable<Effect> Submitted(ScopedKey key, AttemptState state) =>
    [
        new RecordAttemptOnLearner(state.LearnerId, new LearnerAttempt(key.Id, state.DefinitionId, state.SubmittedAt)),
        new IndexEvidence(key.Id, state.LearnerId, state.SubmittedAt, state.Evidence.ToList()),
        AttemptAnalytics.Submitted(key, state),
    ];

    /// <summary>A review earns its evaluator continuing-education credits and counts toward their recognition.</summary>
    public static IEnumerable<Effect> Reviewed(ScopedKey key, Review review) =>
    [
        new GrantReviewCredits(review.EvaluatorId, key.Id, review.SubmittedAt),
        new CountContribution(PersonRef.Evaluator(review.EvaluatorId), ContributionKind.Evaluating, key.Id),
    ];

    /// <summary>
    /// A decision: on a pass the credential is issued under the id chosen now; either way the learner's history records the
    /// outcome, the learner is emailed it (passed or not, never the reviewers' notes), the panel's load is released, the
    /// divergence signals learn each reviewer's score and program analytics count it.
    /// </summary>
    public static IEnumerable<Effect> Decided(ScopedKey key, AttemptState state) =>
    [
        .. Issued(key, state),
        new RecordAttemptOutcome(state.LearnerId, key.Id, state.Status == AttemptStatus.Passed, state.DecidedAt!.Value, state.CredentialId),
        new SendNoticeEmail(AssessmentEmails.Decided(key.Community, key.Id, state.LearnerId, state.DefinitionName, state.Status == AttemptStatus.Passed, state.DecidedAt!.Value)),
        new ReleasePanel(key.Id),
        new RecordPanelDecision(key.Id, state.Status == AttemptStatus.Passed,
            state.Reviews.Select(r => new PanelReviewOutcome(r.EvaluatorId, r.Score.Percent, r.Score.Passed)).ToList()),
        AttemptAnalytics.Decided(key, state),
        RecordReviewsAgainstDecision.Of(key.Id, state),
    ];

    /// <summary>An appeal overturned the failed decision: the credential is issued and the learner's history says passed.</summary>
    public static IEnumerable<Effect> Overturned(ScopedKey key, AttemptState state) =>
    [
        .. Issued(key, state),
        new RecordAttemptOutcome(state.LearnerId, key.Id, Passed: true, state.DecidedAt!.Value, state.CredentialId),
    ];

    /// <summary>The appeal's outcome reaches the learner by email (an overturn also issues the credential, which emails its own page).</summary>
    public static Effect AppealDecided(ScopedKey key, AttemptState state, string appealId, bool overturned, DateTimeOffset at) =>
        new SendNoticeEmail(AssessmentEmails.AppealDecided(key.Community, appealId, state.LearnerId, state.DefinitionName, overturned, at));

    /// <summary>An evaluator took a seat on the panel of <paramref name="reviewedId"/>: they are emailed what to review (never who the learner is) and by when.</summary>
    public static Effect ReviewAssigned(string community, string reviewedId, string evaluatorId, string achievement, DateTimeOffset at, DateTimeOffset? dueAt) =>
        new SendNoticeEmail(AssessmentEmails.ReviewAssigned(community, reviewedId, evaluatorId, achievement, at, dueAt));

    /// <summary>The panel disagrees beyond tolerance: its consensus discussion opens under the lead.</summary>
    public static Effect DiscussionOpened(ScopedKey key, AttemptState state) => new OpenConsensusDiscussion(key.ToString(), new OpenDiscussion(
        state.LeadEvaluatorId!, state.Panel.OrderBy(s => s.AssignedAt).Select(s => s.EvaluatorId).ToList(), state.Verdict!.Reason, state.Rubric,
        state.EffectivePolicy.ReviewDeadlineDays));

    private static IEnumerable<Effect> Issued(ScopedKey key, AttemptState state)
    {
        if (state.Status != AttemptStatus.Passed)
        {
            return [];
        }

        var results = state.DecidedLevels ?? CriterionConsensus.Levels(state.Rubric, state.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList());
        return [new IssueEarnedCredential(state.CredentialId!, new IssueCredential(state.LearnerId, state.DefinitionId, key.Id, results, state.Evidence.ToList(),
            AppealId: state.AppealOutcome == AppealOutcome.Overturned ? state.AppealId : null))];
    }
}
