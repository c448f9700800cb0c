using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Audit;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>Credentials live through years of renewal windows, renewals, expiry, grace and lapse on a fake clock.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class RenewalLifecycleTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task A_credential_is_renewed_with_credits_then_its_successor_expires_is_suspended_and_lapses_into_revocation()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var first = await scenario.EarnAsync();
        var learner = first.LearnerId;
        var expires = first.ValidUntil!.Value;

        // Issuing registered the credential's lifespan and its first deadline: the window opening, 60 days before expiry.
        var tracked = await scenario.Renewal(first.Id).GetAsync();
        Assert.Equal(RenewalStage.Active, tracked.Stage);
        Assert.Equal(expires.AddDays(-60), tracked.NextDeadline);
        Assert.Equal(1, (await scenario.Bucket(DeadlineDay.BucketFor(expires.AddDays(-60))).DescribeAsync()).Count);
        Assert.True((await scenario.Scheduler.GetStatusAsync()).Started);
        var before = await scenario.Renewal(first.Id).CheckAsync();
        Assert.Equal([MissingItem.WindowNotOpen, MissingItem.CreditsShort, MissingItem.CategoryShort], before.Missing.Select(m => m.Code));

        // Year 1: the window opens, the learner reports activities, an admin verifies them, the 30-day reminder comes.
        await scenario.SweepOnDayOfAsync(expires.AddDays(-60));
        Assert.Equal(RenewalStage.RenewalOpen, (await scenario.Renewal(first.Id).GetAsync()).Stage);
        var ledger = scenario.Grains.GetGrain<ICeLedgerGrain>(scenario.Program.Key(learner));
        var today = DeadlineDay.Today(scenario.Clock.GetUtcNow());
        var course = await ledger.RecordAsync(new CeActivityInput(CeActivityKind.Course, "Chaos engineering course", 7, "Technical", today.AddDays(-2), null), false, Actors.Learner(learner));
        var ethics = await ledger.RecordAsync(new CeActivityInput(CeActivityKind.Event, "Ethics in operations", 3, "Ethics", today, null), false, Actors.Learner(learner));
        var pending = await scenario.Renewal(first.Id).CheckAsync();
        Assert.Equal(10, pending.CreditsPending);
        Assert.Contains("await verification", pending.Missing[0].Message);
        var refused = await Assert.ThrowsAsync<CertGridException>(() => scenario.Renewal(first.Id).RenewAsync(Actors.Learner(learner)));
        Assert.Equal(ErrorCode.PolicyViolation, refused.Code);
        Assert.Contains("10 more verified credits", refused.Message);
        await ledger.VerifyAsync(course.Id, Actors.Admin("key_admin"));
        await ledger.VerifyAsync(ethics.Id, Actors.Admin("key_admin"));
        Assert.True((await scenario.Renewal(first.Id).CheckAsync()).Ready);
        await scenario.SweepOnDayOfAsync(expires.AddDays(-30));

        // Renewal (later that day): a new credential with a new validity, linked both ways, tracked in turn.
        scenario.Clock.Advance(TimeSpan.FromHours(3));
        var renewed = await scenario.Renewal(first.Id).RenewAsync(Actors.Learner(learner));
        Assert.Equal(RenewalStage.Renewed, renewed.Stage);
        var second = (await scenario.Credential(renewed.RenewedByCredentialId!).FindAsync())!;
        Assert.Equal(first.Id, second.ReplacesCredentialId);
        Assert.Equal(second.Id, (await scenario.Credential(first.Id).FindAsync())!.ReplacedByCredentialId);
        Assert.Equal(CredentialStatus.Active, second.Status);
        Assert.Equal(second.ValidFrom.AddDays(365), second.ValidUntil);
        Assert.Equal(second.Id, (await scenario.Renewal(first.Id).RenewAsync(Actors.Learner(learner))).RenewedByCredentialId);
        var successor = await scenario.Renewal(second.Id).GetAsync();
        Assert.Equal((RenewalStage.Active, first.Id), (successor.Stage, successor.ReplacesCredentialId));

        // Year 2: no credits this cycle (the first cycle's do not count), so every reminder comes and it expires.
        var expires2 = second.ValidUntil!.Value;
        Assert.Contains(MissingItem.CreditsShort, (await scenario.Renewal(second.Id).CheckAsync()).Missing.Select(m => m.Code));
        foreach (var days in new[] { -60, -30, -7 })
        {
            await scenario.SweepOnDayOfAsync(expires2.AddDays(days));
        }

        await scenario.SweepOnDayOfAsync(expires2);
        Assert.Equal(RenewalStage.Expired, (await scenario.Renewal(second.Id).GetAsync()).Stage);
        Assert.Equal(CredentialStatus.Suspended, (await scenario.Credential(second.Id).FindAsync())!.Status);
        var verification = await scenario.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(second.Jwt);
        Assert.False(verification.Valid);

        await scenario.SweepOnDayOfAsync(expires2.AddDays(30));
        await scenario.SweepOnDayOfAsync(expires2.AddDays(60));
        var lapsed = await scenario.Renewal(second.Id).GetAsync();
        Assert.Equal(RenewalStage.Lapsed, lapsed.Stage);
        Assert.Null(lapsed.NextDeadline);
        Assert.Equal(CredentialStatus.Revoked, (await scenario.Credential(second.Id).FindAsync())!.Status);
        var late = await Assert.ThrowsAsync<CertGridException>(() => scenario.Renewal(second.Id).RenewAsync(Actors.Learner(learner)));
        Assert.Contains("re-certification", late.Message);

        // Every notice exactly once, in order, even when everything is processed again.
        await scenario.Scheduler.SweepAsync();
        await scenario.Renewal(first.Id).AdvanceAsync();
        await scenario.Renewal(second.Id).AdvanceAsync();
        var notices = (await scenario.NoticesAsync(learner)).Reverse().Select(n => (n.CredentialId, n.Kind)).ToList();
        Assert.Equal(
        [
            (first.Id, NoticeKind.RenewalWindowOpened), (first.Id, NoticeKind.ExpiresIn30Days), (first.Id, NoticeKind.Renewed),
            (second.Id, NoticeKind.RenewalWindowOpened), (second.Id, NoticeKind.ExpiresIn30Days), (second.Id, NoticeKind.ExpiresIn7Days),
            (second.Id, NoticeKind.Expired), (second.Id, NoticeKind.GraceEnded), (second.Id, NoticeKind.Lapsed),
        ], notices);
    }

    [Fact]
    public async Task A_lapse_that_expires_lifts_only_the_grace_suspension_and_renewing_in_grace_works()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(credits: 0, ethics: 0, lapse: LapseAction.Expire));
        var kept = await scenario.EarnAsync();
        var renewedLate = await scenario.EarnAsync();
        var expires = kept.ValidUntil!.Value;

        await scenario.SweepOnDayOfAsync(expires);
        Assert.Equal(CredentialStatus.Suspended, (await scenario.Credential(kept.Id).FindAsync())!.Status);
        Assert.Equal(RenewalStage.Expired, (await scenario.Renewal(renewedLate.Id).GetAsync()).Stage);

        // Renewing during grace: allowed, and the replacement is valid from now.
        var renewal = await scenario.Renewal(renewedLate.Id).RenewAsync(Actors.Learner(renewedLate.LearnerId));
        var replacement = (await scenario.Credential(renewal.RenewedByCredentialId!).FindAsync())!;
        Assert.Equal(CredentialStatus.Active, replacement.Status);
        Assert.True(replacement.ValidFrom > expires);

        await scenario.SweepOnDayOfAsync(expires.AddDays(60));
        var expired = (await scenario.Credential(kept.Id).FindAsync())!;
        Assert.Equal((RenewalStage.Lapsed, CredentialStatus.Active), ((await scenario.Renewal(kept.Id).GetAsync()).Stage, expired.Status));
        var verification = await scenario.Grains.GetGrain<ICredentialVerifierGrain>(0).VerifyAsync(expired.Jwt);
        Assert.Equal(CheckOutcome.Failed, verification.Checks.Single(c => c.Name == VerificationChecks.Expiry).Outcome);
        Assert.Equal(RenewalStage.Renewed, (await scenario.Renewal(renewedLate.Id).GetAsync()).Stage);
    }

    [Fact]
    public async Task The_published_suspension_bit_is_set_during_grace_and_lifted_when_the_credential_lapses_into_expiry()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(credits: 0, ethics: 0, lapse: LapseAction.Expire));
        var lapsing = await scenario.EarnAsync();
        var renewing = await scenario.EarnAsync();
        var expires = lapsing.ValidUntil!.Value;
        await scenario.SweepOnDayOfAsync(expires.AddDays(-60));
        Assert.Equal((false, false), await scenario.PublishedStatusAsync(lapsing));

        // Expiry without renewal: grace begins, and the published suspension list says so.
        await scenario.SweepOnDayOfAsync(expires);
        Assert.Equal(RenewalStage.Expired, (await scenario.Renewal(lapsing.Id).GetAsync()).Stage);
        Assert.Equal((false, true), await scenario.PublishedStatusAsync(lapsing));
        Assert.Equal((false, true), await scenario.PublishedStatusAsync(renewing));

        // Renewed within grace: the replacement's entries are clear. The old credential, expired and replaced, keeps
        // its grace suspension: renewing does not lift it (only an EXPIRE lapse does, and a renewed credential never lapses).
        var renewal = await scenario.Renewal(renewing.Id).RenewAsync(Actors.Learner(renewing.LearnerId));
        var replacement = (await scenario.Credential(renewal.RenewedByCredentialId!).FindAsync())!;
        Assert.Equal((false, false), await scenario.PublishedStatusAsync(replacement));
        Assert.Equal((false, true), await scenario.PublishedStatusAsync(renewing));

        // Grace ends: still suspended. The lapse (EXPIRE) lifts the suspension; the credential stays on record as expired.
        await scenario.SweepOnDayOfAsync(expires.AddDays(30));
        Assert.Equal((false, true), await scenario.PublishedStatusAsync(lapsing));
        await scenario.SweepOnDayOfAsync(expires.AddDays(60));
        Assert.Equal(RenewalStage.Lapsed, (await scenario.Renewal(lapsing.Id).GetAsync()).Stage);
        Assert.Equal((false, false), await scenario.PublishedStatusAsync(lapsing));
        Assert.Equal((false, true), await scenario.PublishedStatusAsync(renewing));
        Assert.Equal((false, false), await scenario.PublishedStatusAsync(replacement));
    }

    [Fact]
    public async Task A_credential_revoked_by_an_admin_stops_its_lifespan_and_gets_no_more_notices()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var credential = await scenario.EarnAsync();
        await scenario.Credential(credential.Id).RevokeAsync("Misconduct", Actors.Admin("key_admin"));

        await scenario.SweepOnDayOfAsync(credential.ValidUntil!.Value.AddDays(-60));

        Assert.Equal(RenewalStage.Closed, (await scenario.Renewal(credential.Id).GetAsync()).Stage);
        Assert.Empty(await scenario.NoticesAsync(credential.LearnerId));
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => scenario.Renewal(credential.Id).RenewAsync(Actors.System))).Code);
    }

    [Fact]
    public async Task A_credential_without_a_lifespan_policy_is_told_when_it_expires_and_cannot_be_renewed()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, policy: null);
        var credential = await scenario.EarnAsync();
        var view = await scenario.Renewal(credential.Id).GetAsync();
        Assert.Equal(credential.ValidUntil, view.NextDeadline);

        await scenario.SweepOnDayOfAsync(credential.ValidUntil!.Value);

        Assert.Equal(NoticeKind.Expired, Assert.Single(await scenario.NoticesAsync(credential.LearnerId)).Kind);
        Assert.Equal(CredentialStatus.Active, (await scenario.Credential(credential.Id).FindAsync())!.Status);
        Assert.Contains("no lifespan policy", (await Assert.ThrowsAsync<CertGridException>(() => scenario.Renewal(credential.Id).RenewAsync(Actors.System))).Message);
    }
}
