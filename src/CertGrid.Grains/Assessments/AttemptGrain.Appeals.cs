using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Analytics;

namespace CertGrid.Grains.Assessments;

/// <summary>The attempt's side of an appeal: it is filed on a failed decision, withdrawn, or its outcome applied once.</summary>
public sealed partial class AttemptGrain
{
    public async Task<AppealContext> BeginAppealAsync(string appealId, string learnerId)
    {
        RequireExists();
        if (AttemptTransitions.BeginAppeal(State, appealId, learnerId, Now))
        {
            Cause(AttemptAnalytics.AppealFiled(appealId, Now));
            await SaveAsync(AuditEvent(Actors.Learner(learnerId), "attempt.appealed", Key.Id, new { appealId }));
        }

        return AttemptTransitions.AppealContext(State, Key.Id);
    }

    public async Task ForgetAppealAsync(string appealId)
    {
        if (RecordExists && State.AppealId == appealId && State.AppealOutcome is null)
        {
            State.AppealId = null;
            await SaveAsync(AuditEvent(Actors.System, "attempt.appeal-withdrawn", Key.Id, new { appealId, reason = "no independent appeal panel could be staffed" }));
        }
    }

    public async Task<AttemptView> ApplyAppealOutcomeAsync(string appealId, AppealOutcome outcome, string reason, IReadOnlyList<CriterionResult> levels, string? credentialId = null)
    {
        RequireExists();
        if (AttemptTransitions.ApplyAppealOutcome(State, Key.Id, appealId, outcome, reason, levels, credentialId, Now))
        {
            Cause(outcome == AppealOutcome.Overturned ? AttemptEffects.Overturned(Key, State) : []);
            Cause(AttemptEffects.AppealDecided(Key, State, appealId, outcome == AppealOutcome.Overturned, Now));
            Cause(AttemptAnalytics.AppealDecided(appealId, outcome == AppealOutcome.Overturned, Now));
            await CommitAsync(AuditEvent(Actors.System, outcome == AppealOutcome.Overturned ? "attempt.overturned" : "attempt.appeal-upheld", Key.Id,
                new { appealId, reason, State.CredentialId }));
        }

        return AttemptViews.From(Key.Id, State);
    }
}
