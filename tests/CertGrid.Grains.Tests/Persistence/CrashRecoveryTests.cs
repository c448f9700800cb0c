using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Audit;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Persistence;
using CertGrid.Abstractions.Recognition;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>
/// A silo dies after a change was stored and before its effects were applied (their receivers were out), and nobody calls
/// the grain again: the community's sweep on the surviving silo resumes it, and every effect ends up applied exactly
/// once — the credential in state, the audit chain, the read models, the learner's record, the notices — including
/// the effects that had already been applied before the crash and are applied again.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] DecisionReceivers =
    [
        "IAuditLogGrain.AppendAsync", "ICredentialGrain.IssueAsync", "ILearnerGrain.RecordAttemptOutcomeAsync",
        "IEvaluatorPoolGrain.ReleasePanelsAsync", "IIntegritySignalsGrain.RecordPanelDecisionAsync",
    ];

    [Fact]
    public async Task Effects_pending_on_a_killed_silo_are_applied_exactly_once_by_the_sweep_on_the_survivor()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var (program, attempt, learnerId, grain, decided) = await DecidedWhileReceiversAreOutAsync(cluster);
        var sweeper = cluster.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        await cluster.KillSiloHostingAsync(grain);
        cluster.EndOutage();

        await SweepUntilSettledAsync(sweeper, Outbox(cluster, grain), "the attempt's effects");
        var credentialGrain = cluster.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!));
        var credential = Assert.IsType<IssuedCredential>(await credentialGrain.FindAsync());
        await Settled.EffectsOfAsync(cluster.Grains, credentialGrain);

        var audit = await AuditTrail.AllAsync(cluster.Grains, program.Community);
        Assert.Single(audit, e => e.Action == "attempt.decided" && e.Subject == attempt.Id);
        Assert.Equal(2, audit.Count(e => e.Action == "review.submitted" && e.Subject == attempt.Id));
        Assert.Single(audit, e => e.Action == "credential.issued" && e.Subject == credential.Id);
        Assert.True((await cluster.Grains.GetGrain<IAuditLogReaderGrain>(program.Community).VerifyAsync()).Intact);
        var record = await program.Learner(learnerId).GetRecordAsync();
        Assert.Equal([credential.Id], record.CredentialIds);
        Assert.True(Assert.Single(record.Attempts).Passed);
        var listed = await cluster.Grains.GetGrain<ICredentialIndexGrain>(program.Community).ListForLearnerAsync(learnerId, new PageRequest(10, null));
        Assert.Equal(credential.Id, Assert.Single(listed.Items).Id);
        var reviewer = await cluster.Grains.GetGrain<IContributorGrain>(program.Key(PersonRef.Evaluator(attempt.Panel[1].EvaluatorId))).GetAsync();
        Assert.Equal(1, reviewer.Counts[ContributionKind.Evaluating]);

        // The credential expires; its renewal stores the milestone while notices and the audit chain are out, and dies.
        await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        var renewal = cluster.Grains.GetGrain<IRenewalGrain>(program.Key(credential.Id));
        Assert.NotNull(await renewal.GetAsync());
        await cluster.MoveToSecondarySiloAsync(renewal);
        cluster.Clock.Advance(TimeSpan.FromDays(61));
        cluster.BeginOutage("IAuditLogGrain.AppendAsync", "IWebhookEndpointsGrain.HasEndpointsAsync");
        await renewal.AdvanceAsync();
        Assert.Contains((await Outbox(cluster, renewal).GetEffectsAsync()).Pending, e => e.Kind == "PublishNotices");
        await cluster.KillSiloHostingAsync(renewal);
        cluster.EndOutage();

        await SweepUntilSettledAsync(sweeper, Outbox(cluster, renewal), "the renewal's effects");
        var notices = await cluster.Grains.GetGrain<INoticeIndexGrain>(program.Community).ListForLearnerAsync(learnerId, new PageRequest(10, null));
        Assert.Equal(NoticeKind.Expired, Assert.Single(notices.Items).Kind);
        audit = await AuditTrail.AllAsync(cluster.Grains, program.Community);
        Assert.Single(audit, e => e.Action == "renewal.expired" && e.Subject == credential.Id);
        Assert.True((await cluster.Grains.GetGrain<IAuditLogReaderGrain>(program.Community).VerifyAsync()).Intact);
        await Eventually.HoldsAsync(async () => (await sweeper.SweepAsync(), await sweeper.GetStatusAsync()).Item2.Marked, marked => marked == 0,
            "every settled grain's mark is removed");
    }

    [Fact]
    public async Task When_a_silo_dies_the_survivor_has_the_community_swept_at_once_and_what_the_silo_left_undone_is_applied()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var (program, attempt, _, grain, decided) = await DecidedWhileReceiversAreOutAsync(cluster);
        var sweeper = cluster.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        var lost = (await cluster.KillSiloHostingAsync(grain)).ToParsableString();
        cluster.EndOutage();

        // Nobody calls the sweep or the attempt: the survivor saw the loss and had the community swept at once (the regular
        // tick is up to a minute away), and the sweep resumed the attempt that was on the lost silo.
        var status = await Eventually.HoldsAsync(sweeper.GetStatusAsync, s => s.SweptAfterSiloLoss.Any(l => l.LostSilo == lost),
            $"the community is swept after the loss of {lost}", timeoutMs: 30_000);
        Assert.True(Assert.Single(status.SweptAfterSiloLoss).Sweep.Resumed >= 1);
        await Eventually.HoldsAsync(Outbox(cluster, grain).GetEffectsAsync, backlog => backlog.Settled, "the attempt's effects are applied", timeoutMs: 30_000);
        var credential = Assert.IsType<IssuedCredential>(await cluster.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync());
        var audit = await AuditTrail.AllAsync(cluster.Grains, program.Community);
        Assert.Single(audit, e => e.Action == "attempt.decided" && e.Subject == attempt.Id);
        Assert.Single(audit, e => e.Action == "credential.issued" && e.Subject == credential.Id);
    }

    /// <summary>
    /// A program whose attempt is decided on a secondary silo while the receivers of the decision's effects are out (the
    /// outage still on): the decision is stored, its effects pending, among them the credential's issuance.
    /// </summary>
    private static async Task<(ProgramBuilder Program, AttemptView Attempt, string LearnerId, IAttemptGrain Grain, AttemptView Decided)> DecidedWhileReceiversAreOutAsync(
        GrainCluster cluster)
    {
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync(validityDays: 60);
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        var grain = program.Attempt(attempt.Id);
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");

        await cluster.MoveToSecondarySiloAsync(grain);
        cluster.BeginOutage(DecisionReceivers);
        var decided = await grain.SubmitReviewAsync(program.Review(attempt.Panel[1].EvaluatorId, "Exemplary"));
        Assert.Equal(AttemptStatus.Passed, decided.Status);
        Assert.Contains((await Outbox(cluster, grain).GetEffectsAsync()).Pending, e => e.Kind == "IssueEarnedCredential");
        return (program, attempt, learnerId, grain, decided);
    }

    private static IEffectOutbox Outbox(GrainCluster cluster, IAddressable grain) => cluster.Grains.GetGrain<IEffectOutbox>(grain.GetGrainId());

    /// <summary>Runs the community's sweep (what its reminder does every minute) until the grain has no pending effects.</summary>
    private static Task<EffectBacklog> SweepUntilSettledAsync(IEffectSweeperGrain sweeper, IEffectOutbox outbox, string what) =>
        Eventually.HoldsAsync(async () =>
        {
            await sweeper.SweepAsync();
            return await outbox.GetEffectsAsync();
        }, backlog => backlog.Settled, $"{what} are applied", timeoutMs: 90_000);
}
