using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.ContinuingEducation;

/// <summary>
/// A learner's continuing-education ledger. Self-reported activities wait for an admin; credits CertGrid
/// grants itself arrive verified and only once per source. Evidence is a committed portfolio artifact, frozen by hash.
/// </summary>
public sealed class CeLedgerGrain(
    [PersistentState("ce-ledger", StorageNames.GrainStore)] IPersistentState<CeLedgerState> state)
    : DurableGrain<CeLedgerState>(state), ICeLedgerGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private ILearnerGrain Learner => GrainFactory.GetGrain<ILearnerGrain>(Key.ToString());

    public async Task<CeActivity> RecordAsync(CeActivityInput input, bool verified, string actor)
    {
        var valid = CeActivityRules.Validate(input, DateOnly.FromDateTime(Now.UtcDateTime));
        RequireRoom();
        _ = await Learner.FindAsync() ?? throw CertGridException.NotFound("Learner", Key.Id);
        string? sha256 = null;
        if (valid.EvidenceArtifactId is { } artifactId)
        {
            var evidence = await Learner.ResolveEvidenceAsync([EntityId.Require(artifactId, IdPrefixes.Artifact, "input.evidenceArtifactId")]);
            sha256 = evidence[0].Version.Sha256;
        }

        var activity = new CeActivity(EntityId.New(IdPrefixes.CeActivity), valid.Kind, valid.Title, valid.Credits, valid.Category, valid.OccurredOn,
            valid.EvidenceArtifactId, sha256, verified ? CreditVerification.Verified : CreditVerification.SelfReported, null, null, actor, Now,
            verified ? actor : null, verified ? Now : null);
        State.Activities.Add(activity);
        Cause(new CountInAnalytics(new CeCreditsRecorded(activity.Id, Now, activity.Category, (double)activity.Credits)));
        Cause(new Privacy.RecordLearnerActivity(Key.Id));
        return await SaveAnsweringAsync(activity, AuditEvent(actor, "ce.recorded", Key.Id, new
        {
            activityId = activity.Id, kind = activity.Kind.ToString(), activity.Credits, activity.Category, activity.OccurredOn, verification = activity.Verification.ToString(),
        }));
    }

    public Task<CeActivity> VerifyAsync(string activityId, string actor) =>
        ReviewAsync(activityId, CreditVerification.Verified, null, actor);

    public Task<CeActivity> RejectAsync(string activityId, string reason, string actor) =>
        ReviewAsync(activityId, CreditVerification.Rejected, InputRules.RequireText(reason, "reason", 1000), actor);

    public async Task<CeActivity> PostAutomaticAsync(AutomaticCredit credit)
    {
        var existing = State.Activities.FirstOrDefault(a => a.Source == credit.Source);
        if (existing is not null)
        {
            return existing;
        }

        RequireRoom();
        var activity = new CeActivity(EntityId.New(IdPrefixes.CeActivity), credit.Kind, credit.Title, credit.Credits, credit.Category, credit.OccurredOn,
            null, null, CreditVerification.Verified, null, credit.Source, Actors.System, Now, Actors.System, Now);
        State.Activities.Add(activity);
        Cause(new CountInAnalytics(new CeCreditsRecorded(activity.Id, Now, activity.Category, (double)activity.Credits)));
        Cause(new Privacy.RecordLearnerActivity(Key.Id));
        return await SaveAnsweringAsync(activity, AuditEvent(Actors.System, "ce.granted", Key.Id, new { activityId = activity.Id, credit.Source, credit.Credits, credit.Category }));
    }

    public async Task EraseAsync()
    {
        if (State.Activities.Count > 0)
        {
            var erased = State.Activities.Count;
            State.Activities.Clear();
            ForgetStoredAnswers();
            await SaveAsync(AuditEvent(Actors.System, "ce.erased", Key.Id, new { activities = erased }));
        }
    }

    public Task<IReadOnlyList<CeActivity>> GetActivitiesAsync() => Task.FromResult<IReadOnlyList<CeActivity>>(State.Activities.ToList());

    private async Task<CeActivity> ReviewAsync(string activityId, CreditVerification verdict, string? reason, string actor)
    {
        var index = State.Activities.FindIndex(a => a.Id == activityId);
        if (index < 0)
        {
            throw CertGridException.NotFound("Activity", activityId);
        }

        var activity = State.Activities[index];
        if (activity.Source is not null)
        {
            throw CertGridException.Conflict("Credits CertGrid granted automatically are verified already and cannot be reviewed.");
        }

        if (activity.Verification == verdict && activity.RejectionReason == reason)
        {
            return activity;
        }

        var reviewed = activity with { Verification = verdict, RejectionReason = reason, ReviewedBy = actor, ReviewedAt = Now };
        State.Activities[index] = reviewed;
        return await SaveAnsweringAsync(reviewed, AuditEvent(actor, verdict == CreditVerification.Verified ? "ce.verified" : "ce.rejected", Key.Id, new { activityId, reason }));
    }

    private void RequireRoom()
    {
        if (State.Activities.Count >= CeActivityRules.MaxActivities)
        {
            throw CertGridException.Policy($"A ledger holds at most {CeActivityRules.MaxActivities} activities.");
        }
    }
}
