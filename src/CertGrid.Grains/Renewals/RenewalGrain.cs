using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Notices;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// One credential's lifespan. Each change (milestones reached, evidence, renewal) is stored with its audit events and
/// its effects (notices to publish, the credential's suspension, lapse or replacement), which are applied after it and
/// retried until done. Effects are idempotent and milestones are never reached twice, so advancing again, a bucket
/// processed twice or a restart sends nothing twice. The next deadline is registered in its day bucket
/// before the state that records it is stored, and the old registration is removed after.
/// </summary>
public sealed partial class RenewalGrain(
    [PersistentState("renewal", StorageNames.GrainStore)] IPersistentState<RenewalState> state)
    : DurableGrain<RenewalState>(state), IRenewalGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<RenewalView?> TrackAsync(TrackCredential command)
    {
        if (RecordExists)
        {
            return View();
        }

        if (command.ValidUntil is not { } expiresAt)
        {
            return null;
        }

        State.LearnerId = command.LearnerId;
        State.DefinitionId = command.DefinitionId;
        State.AchievementName = command.AchievementName;
        State.AttemptId = command.AttemptId;
        State.ValidFrom = command.ValidFrom;
        State.ExpiresAt = expiresAt;
        State.ReplacesCredentialId = command.ReplacesCredentialId;
        State.Policy = await GrainFactory.CredentialDefinition(Community, command.DefinitionId).GetLifespanPolicyAsync();
        await ApplyDueAsync(); // Issuing the credential is audited; tracking it is bookkeeping.
        return View();
    }

    public async Task AdvanceAsync()
    {
        if (RecordExists && !State.IsTerminal)
        {
            await ApplyDueAsync();
        }
    }

    public async Task<RenewalView?> RescheduleAsync()
    {
        if (!RecordExists)
        {
            var issued = await Credential.FindAsync();
            return issued is null || issued.Status == CredentialStatus.Revoked ? null : await TrackAsync(new TrackCredential(
                issued.LearnerId, issued.DefinitionId, issued.AchievementName, issued.AttemptId, issued.ValidFrom, issued.ValidUntil, issued.ReplacesCredentialId));
        }

        if (!State.IsTerminal)
        {
            State.Policy = await GrainFactory.CredentialDefinition(Community, State.DefinitionId).GetLifespanPolicyAsync();
            await ApplyDueAsync(store: true); // The policy change is audited on the definition.
        }

        return View();
    }

    public Task<RenewalView> GetAsync()
    {
        RequireTracked();
        return Task.FromResult(View());
    }

    public async Task<RenewalReadiness> CheckAsync()
    {
        RequireTracked();
        var activities = await GrainFactory.CeLedger(Community, State.LearnerId).GetActivitiesAsync();
        return RenewalReadiness.Assess(State.Policy, State.StageAt(Now), State.Timeline, State.Cycle, activities, State.Evidence);
    }

    public async Task<RenewalView> SubmitEvidenceAsync(SubmitRenewalEvidence command, string actor)
    {
        RequireTracked();
        await ApplyDueAsync();
        RenewalStateMachine.RequireRenewable(State.StageAt(Now), State.Timeline, State.Policy is not null);
        var evidence = await RenewalEvidenceIntake.CheckAsync(GrainFactory, Community, State, command, Now);
        State.Evidence = evidence;
        Cause(new Privacy.RecordLearnerActivity(State.LearnerId));
        await SaveAsync(AuditEvent(actor, "renewal.evidence-offered", Key.Id, new
        {
            kind = evidence.Kind.ToString(), evidence.ArtifactId, evidence.ArtifactSha256, evidence.AttemptId, status = evidence.Status.ToString(),
        }));
        return View();
    }

    public async Task<RenewalView> ReviewEvidenceAsync(bool accept, string? reason, string actor)
    {
        RequireTracked();
        State.Evidence = RenewalEvidenceIntake.Review(State.Evidence, accept, reason, actor, Now);
        await SaveAsync(AuditEvent(actor, accept ? "renewal.evidence-accepted" : "renewal.evidence-rejected", Key.Id, new { State.Evidence.ArtifactId, reason }));
        return View();
    }

    public async Task<RenewalView> RenewAsync(string actor)
    {
        RequireTracked();
        if (State.RenewedByCredentialId is not null)
        {
            return View(); // what renewing causes is applied (and retried) on its own
        }

        await ApplyDueAsync();
        RenewalStateMachine.RequireRenewable(State.StageAt(Now), State.Timeline, State.Policy is not null);
        var readiness = await CheckAsync();
        if (!readiness.Ready)
        {
            throw CertGridException.Policy("This credential cannot be renewed yet. " + string.Join(" ", readiness.Missing.Select(m => m.Message)));
        }

        var reassessed = State.Evidence is { Kind: RenewalEvidence.Reassessment, Status: EvidenceStatus.Accepted } evidence ? evidence.AttemptCredentialId : null;
        var previousDay = State.ScheduledDay;
        State.RenewedByCredentialId = reassessed ?? EntityId.New(IdPrefixes.Credential);
        State.RenewedAt = Now;
        State.ScheduledDay = null;
        if (reassessed is null)
        {
            var artifactId = State.Evidence is { Kind: RenewalEvidence.PortfolioArtifact, ArtifactId: { } id } ? id : null;
            Cause(new IssueRenewalReplacement(Key.Id, State.RenewedByCredentialId, State.LearnerId, State.DefinitionId, State.AttemptId, artifactId));
        }

        Cause(new MarkReplaced(Key.Id, State.RenewedByCredentialId));
        var renewedNotice = NoticeFor(NoticeKind.Renewed);
        Cause(new PublishNotices([renewedNotice]));
        Cause(SendNoticeEmail.For([renewedNotice]));
        Cause(RenewalAnalytics.Renewed(Key.Id, Now));
        await SaveAsync(AuditEvent(actor, "renewal.renewed", Key.Id, new
        {
            renewedBy = State.RenewedByCredentialId, byReassessment = reassessed is not null, readiness.CreditsVerified, readiness.CreditsRequired,
        }));
        RenewalMetrics.Processed("renewal.renewed");
        await ForgetDeadlineAsync(previousDay);
        return View();
    }

    private ICredentialGrain Credential => GrainFactory.GetGrain<ICredentialGrain>(Key.ToString());

    /// <summary>Reaches every milestone due now, registers the next deadline, and stores the change with its effects and notices.</summary>
    private async Task ApplyDueAsync(bool store = false)
    {
        var events = new List<AuditEvent>();
        var before = (RecordExists && !store, State.Reached, State.Closed, State.ScheduledDay);
        var previousDay = State.ScheduledDay;
        for (var round = 0; ; round++)
        {
            var step = RenewalStateMachine.Advance(State.Timeline, State.Reached, Now);
            if (step.NewlyReached.Count > 0 && (await Credential.FindAsync())?.Status == CredentialStatus.Revoked)
            {
                State.Closed = true;
                events.Add(AuditEvent(Actors.System, "renewal.closed", Key.Id, new { reason = "the credential was revoked" }));
            }
            else
            {
                Reach(step, events);
            }

            var day = State.IsTerminal || step.Next is null ? (DateOnly?)null : DeadlineDay.BucketFor(step.Next.At);
            if (day is not { } due || day == State.ScheduledDay || round == 3
                || await Deadlines.Bucket(GrainFactory, Community, due).AddAsync(Key.Id) != BucketAddOutcome.DayPassed)
            {
                State.ScheduledDay = day;
                break;
            }

            // The bucket's day began meanwhile: its milestone is due, so reach it now.
        }

        if (events.Count > 0 || before != (true, State.Reached, State.Closed, State.ScheduledDay))
        {
            await SaveAsync([.. events]);
            events.ForEach(e => RenewalMetrics.Processed(e.Action));
            await ForgetDeadlineAsync(previousDay);
        }
    }

    private void Reach(RenewalStep step, List<AuditEvent> events)
    {
        State.Reached = step.Reached;
        var timeline = State.Timeline;
        foreach (var milestone in step.NewlyReached)
        {
            if (RenewalAnalytics.Reached(Key.Id, milestone, timeline.Milestones.FirstOrDefault(m => m.Milestone == milestone)?.At ?? Now) is { } counted)
            {
                Cause(counted);
            }

            // Expiry and lapse change the credential's status, so they are audited; reminders are recorded as notices.
            if (milestone is RenewalMilestone.Expired or RenewalMilestone.Lapsed)
            {
                var at = timeline.Milestones.First(m => m.Milestone == milestone).At;
                events.Add(AuditEvent(Actors.System, $"renewal.{milestone.ToString().ToLowerInvariant()}", Key.Id, new { at, action = State.Policy?.LapseAction.ToString() }));
            }

            if (milestone == RenewalMilestone.Expired && State.Policy is not null)
            {
                Cause(new SuspendForGrace(Key.Id, timeline.GraceSuspensionReason));
            }
            else if (milestone == RenewalMilestone.Lapsed)
            {
                Cause(new ApplyLapse(Key.Id, State.Policy?.LapseAction, timeline.LapseReason, timeline.GraceSuspensionReason));
            }
        }

        if (step.Notify.Count > 0)
        {
            var notices = step.Notify.Select(m => NoticeFor(NoticeKinds.For(m))).ToList();
            Cause(new PublishNotices(notices));
            Cause(SendNoticeEmail.For(notices));
        }
    }

    /// <summary>Removes a registration that moved, unless its day has begun (then the bucket is being or was processed).</summary>
    private async Task ForgetDeadlineAsync(DateOnly? day)
    {
        if (day is { } old && old != State.ScheduledDay && old > DeadlineDay.Today(Now))
        {
            try
            {
                await Deadlines.Bucket(GrainFactory, Community, old).RemoveAsync(Key.Id);
            }
            catch (Exception ex)
            {
                // A stale registration only wakes this grain for nothing.
                Logger.LogWarning(ex, "Removing the old deadline of {Credential} in {Community} failed", Key.Id, Community);
            }
        }
    }

    private Notice NoticeFor(NoticeKind kind) => RenewalViews.Notice(Community, Key.Id, State, kind, Now);

    private void RequireTracked()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Tracked credential", Key.Id);
        }
    }

    private RenewalView View() => RenewalViews.From(Key.Id, State, Now);
}
