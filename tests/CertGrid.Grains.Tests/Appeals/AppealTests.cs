using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;

namespace CertGrid.Grains.Tests.Appeals;

/// <summary>Appeals: inside the window, once per decision, a new panel without the original evaluators, audited end to end.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class AppealTests(GrainClusterFixture fixture)
{
    private const string Justification = "The panel missed the incident timeline in appendix B, which shows I led the response end to end.";

    [Fact]
    public async Task An_overturned_appeal_issues_the_credential_linked_to_it_and_every_step_is_audited()
    {
        var (program, definitionId) = await SetUpAsync(evaluators: 4, openCommunity: true);
        var (learnerId, _) = await program.LearnerAsync();
        var failed = await FailAsync(program, learnerId, definitionId);
        var original = failed.Panel.Select(s => s.EvaluatorId).ToList();
        var newEvidence = await Uploads.CommitAsync(program.Learner(learnerId), "# Appendix B\n\nIncident timeline.\n");

        var short_ = await Assert.ThrowsAsync<CertGridException>(() => File(program, learnerId, failed.Id, "I disagree.", newEvidence));
        Assert.Equal("input.justification", short_.Field);
        var (intruderId, _) = await program.LearnerAsync();
        var intruderEvidence = await Uploads.CommitAsync(program.Learner(intruderId));
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => File(program, intruderId, failed.Id, Justification, intruderEvidence))).Code);

        var appeal = await File(program, learnerId, failed.Id, Justification, newEvidence);
        Assert.Equal(AppealOutcome.Pending, appeal.Outcome);
        Assert.Equal(2, appeal.Panel.Count);
        Assert.Empty(appeal.Panel.Select(s => s.EvaluatorId).Intersect(original));
        Assert.Equal(failed.Evidence.Single().ArtifactId, appeal.OriginalEvidence.Single().ArtifactId);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => File(program, learnerId, failed.Id, Justification, newEvidence))).Code);
        Assert.Equal(ErrorCode.Forbidden, (await Assert.ThrowsAsync<CertGridException>(() => Grain(program, appeal.Id).SubmitReviewAsync(program.Review(original[0], "Exemplary")))).Code);

        await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(appeal.Panel[0].EvaluatorId, "Proficient"));
        var decided = await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(appeal.Panel[1].EvaluatorId, "Exemplary"));
        Assert.Equal(AppealOutcome.Overturned, decided.Outcome);
        Assert.NotNull(decided.CredentialId);

        var attempt = await program.Attempt(failed.Id).GetAsync();
        Assert.Equal((AttemptStatus.Passed, AppealOutcome.Overturned, appeal.Id), (attempt.Status, attempt.AppealOutcome!.Value, attempt.AppealId));
        var credential = await fixture.Grains.GetGrain<ICredentialGrain>(program.Key(decided.CredentialId!)).FindAsync();
        Assert.Equal((appeal.Id, failed.Id), (credential!.AppealId, credential.AttemptId));
        Assert.Contains(decided.CredentialId!, (await program.Learner(learnerId).GetRecordAsync()).CredentialIds);
        Assert.True((await program.Learner(learnerId).GetRecordAsync()).Attempts.Single().Passed);
        Assert.All(await program.Pool.ListAsync(), e => Assert.Empty(e.ActiveAttemptIds));

        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "credential.issued", decided.CredentialId);
        var steps = audit.Where(e => e.Subject == appeal.Id || e.Subject == failed.Id || e.Subject == decided.CredentialId).Select(e => e.Action).ToList();
        Assert.Superset(new HashSet<string> { "attempt.appealed", "appeal.filed", "appeal.assigned", "appeal.reviewed", "appeal.decided", "attempt.overturned", "credential.issued" }, steps.ToHashSet());
        Assert.Contains(audit, e => e.Action == "appeal.filed" && e.Details.Contains("appendix B", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "credential.issued" && e.Details.Contains(appeal.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_split_appeal_panel_upholds_and_late_or_premature_appeals_are_refused()
    {
        var (program, definitionId) = await SetUpAsync(evaluators: 4);
        var (learnerId, _) = await program.LearnerAsync();
        var failed = await FailAsync(program, learnerId, definitionId);
        var evidence = await Uploads.CommitAsync(program.Learner(learnerId));
        var appeal = await File(program, learnerId, failed.Id, Justification, evidence);
        await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(appeal.Panel[0].EvaluatorId, "Exemplary"));
        var upheld = await Grain(program, appeal.Id).SubmitReviewAsync(program.Review(appeal.Panel[1].EvaluatorId, "Not yet"));
        Assert.Equal(AppealOutcome.Upheld, upheld.Outcome);
        Assert.Null(upheld.CredentialId);
        Assert.Equal(AttemptStatus.Failed, (await program.Attempt(failed.Id).GetAsync()).Status);

        var (late, _) = await program.LearnerAsync();
        var lateAttempt = await FailAsync(program, late, definitionId);
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var closed = await Assert.ThrowsAsync<CertGridException>(async () => await File(program, late, lateAttempt.Id, Justification, await Uploads.CommitAsync(program.Learner(late))));
        Assert.Equal(ErrorCode.PolicyViolation, closed.Code);
        Assert.Contains("closed on", closed.Message, StringComparison.Ordinal);

        var (early, _) = await program.LearnerAsync();
        var pending = await program.SubmitAsync(early, definitionId);
        var premature = await Assert.ThrowsAsync<CertGridException>(async () => await File(program, early, pending.Id, Justification, await Uploads.CommitAsync(program.Learner(early))));
        Assert.Contains("not decided yet", premature.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_independent_evaluators_for_a_new_panel_the_appeal_is_refused_and_can_be_filed_later()
    {
        var (program, definitionId) = await SetUpAsync(evaluators: 2);
        var (learnerId, _) = await program.LearnerAsync();
        var failed = await FailAsync(program, learnerId, definitionId);
        var evidence = await Uploads.CommitAsync(program.Learner(learnerId));

        var refused = await Assert.ThrowsAsync<CertGridException>(() => File(program, learnerId, failed.Id, Justification, evidence));
        Assert.Contains("was on the panel of the decision under appeal", refused.Message, StringComparison.Ordinal);
        Assert.Null((await program.Attempt(failed.Id).GetAsync()).AppealId);

        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var filed = await File(program, learnerId, failed.Id, Justification, evidence);
        Assert.Equal(filed.Id, (await program.Attempt(failed.Id).GetAsync()).AppealId);
    }

    private async Task<(ProgramBuilder Program, string DefinitionId)> SetUpAsync(int evaluators, bool openCommunity = false)
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        if (openCommunity)
        {
            await program.OpenCommunityAsync();
        }

        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { AppealWindowDays = 10 });
        for (var i = 0; i < evaluators; i++)
        {
            await program.EvaluatorAsync();
        }

        return (program, definitionId);
    }

    private static async Task<AttemptView> FailAsync(ProgramBuilder program, string learnerId, string definitionId)
    {
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        foreach (var seat in attempt.Panel)
        {
            attempt = await program.ReviewAsync(attempt.Id, seat.EvaluatorId, "Not yet");
        }

        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        return attempt;
    }

    private IAppealGrain Grain(ProgramBuilder program, string appealId) => fixture.Grains.GetGrain<IAppealGrain>(program.Key(appealId));

    private Task<AppealView> File(ProgramBuilder program, string learnerId, string attemptId, string justification, string artifactId) =>
        Grain(program, EntityId.New(IdPrefixes.Appeal)).FileAsync(new FileAppeal(learnerId, attemptId, justification, [artifactId]));
}
