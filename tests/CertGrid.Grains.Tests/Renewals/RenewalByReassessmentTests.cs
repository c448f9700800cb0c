using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>A lifespan policy that asks for a reassessment: which attempts count as renewal evidence, and what renewing with one links.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class RenewalByReassessmentTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task A_passed_attempt_at_the_same_credential_submitted_in_the_window_renews_it_without_issuing_a_second_credential()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(credits: 0, ethics: 0, evidence: RenewalEvidence.Reassessment));
        var first = await scenario.EarnAsync();
        var learner = first.LearnerId;
        var renewal = scenario.Renewal(first.Id);
        var expires = first.ValidUntil!.Value;

        // A pass before the window opens: a credential of its own, but no renewal evidence, then or later.
        var early = await scenario.EarnAsync(learner);
        var beforeWindow = await Assert.ThrowsAsync<CertGridException>(() => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, early.AttemptId), Actors.Learner(learner)));
        Assert.Equal(ErrorCode.PolicyViolation, beforeWindow.Code);
        Assert.Contains("window opens", beforeWindow.Message);

        await scenario.SweepOnDayOfAsync(expires.AddDays(-60));
        var open = await renewal.CheckAsync();
        Assert.False(open.Ready);
        Assert.Equal([MissingItem.EvidenceMissing], open.Missing.Select(m => m.Code));
        Assert.Contains("reassessment", open.Missing[0].Message);
        var stale = await Assert.ThrowsAsync<CertGridException>(() => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, early.AttemptId), Actors.Learner(learner)));
        Assert.Equal(ErrorCode.PolicyViolation, stale.Code);
        Assert.Contains("before the renewal window opened", stale.Message);

        // In the window: a pass at another credential, a failed attempt at this one, and someone else's pass are all refused.
        var otherDefinition = await scenario.Program.PublishedCredentialAsync();
        var elsewhere = await AttemptAsync(scenario, learner, otherDefinition, "Exemplary");
        Assert.Equal(AttemptStatus.Passed, elsewhere.Status);
        var wrongCredential = await Assert.ThrowsAsync<CertGridException>(() => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, elsewhere.Id), Actors.Learner(learner)));
        Assert.Equal((ErrorCode.ValidationFailed, "input.attemptId"), (wrongCredential.Code, wrongCredential.Field));

        var failed = await AttemptAsync(scenario, learner, scenario.DefinitionId, "Not yet");
        Assert.Equal(AttemptStatus.Failed, failed.Status);
        var notPassed = await Assert.ThrowsAsync<CertGridException>(() => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, failed.Id), Actors.Learner(learner)));
        Assert.Equal(ErrorCode.PolicyViolation, notPassed.Code);
        Assert.Contains("has not passed", notPassed.Message);

        var someoneElse = await scenario.EarnAsync();
        var notTheirs = await Assert.ThrowsAsync<CertGridException>(() => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, someoneElse.AttemptId), Actors.Learner(learner)));
        Assert.Equal(ErrorCode.NotFound, notTheirs.Code);
        Assert.Null((await renewal.GetAsync()).Evidence);
        Assert.Equal(ErrorCode.PolicyViolation, (await Assert.ThrowsAsync<CertGridException>(() => renewal.RenewAsync(Actors.Learner(learner)))).Code);

        // A pass at this credential within the window is accepted at once: its panel already decided.
        var reassessed = await scenario.EarnAsync(learner);
        var offered = await renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, reassessed.AttemptId), Actors.Learner(learner));
        Assert.Equal((RenewalEvidence.Reassessment, EvidenceStatus.Accepted, reassessed.AttemptId, reassessed.Id),
            (offered.Evidence!.Kind, offered.Evidence.Status, offered.Evidence.AttemptId, offered.Evidence.AttemptCredentialId));
        Assert.True((await renewal.CheckAsync()).Ready);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(
            () => renewal.SubmitEvidenceAsync(new SubmitRenewalEvidence(null, reassessed.AttemptId), Actors.Learner(learner)))).Code);
        Assert.Equal(ErrorCode.Conflict, (await Assert.ThrowsAsync<CertGridException>(() => renewal.ReviewEvidenceAsync(false, "No", Actors.Admin("key_admin")))).Code);

        // Renewing links the old credential to the reassessment's credential; that one does not point back (docs: "Limits").
        var renewed = await renewal.RenewAsync(Actors.Learner(learner));
        Assert.Equal((RenewalStage.Renewed, reassessed.Id), (renewed.Stage, renewed.RenewedByCredentialId));
        var old = (await scenario.Credential(first.Id).FindAsync())!;
        Assert.Equal(reassessed.Id, old.ReplacedByCredentialId);
        var successor = (await scenario.Credential(reassessed.Id).FindAsync())!;
        Assert.Null(successor.ReplacesCredentialId);
        Assert.Equal(CredentialStatus.Active, successor.Status);
        Assert.Equal(successor.ValidFrom.AddDays(365), successor.ValidUntil);
        var successorRenewal = await scenario.Renewal(reassessed.Id).GetAsync();
        Assert.Equal((RenewalStage.Active, null), (successorRenewal.Stage, successorRenewal.ReplacesCredentialId));

        // No credential was issued besides the four passes, and renewing again changes nothing.
        var record = await scenario.Program.Learner(learner).GetRecordAsync();
        Assert.Equal(new[] { first.Id, early.Id, elsewhere.CredentialId!, reassessed.Id }.Order(), record.CredentialIds.Order());
        Assert.Equal(reassessed.Id, (await renewal.RenewAsync(Actors.Learner(learner))).RenewedByCredentialId);
        var renewedNotice = Assert.Single(await scenario.NoticesAsync(learner), n => n.Kind == NoticeKind.Renewed);
        Assert.Equal((first.Id, reassessed.Id), (renewedNotice.CredentialId, renewedNotice.RenewedByCredentialId));
    }

    /// <summary>The learner submits an attempt at <paramref name="definitionId"/> and every panelist gives every criterion <paramref name="level"/>.</summary>
    private static async Task<AttemptView> AttemptAsync(RenewalScenario scenario, string learnerId, string definitionId, string level)
    {
        var view = await scenario.Program.SubmitAsync(learnerId, definitionId);
        foreach (var seat in view.Panel)
        {
            view = await scenario.Program.ReviewAsync(view.Id, seat.EvaluatorId, level);
        }

        return view;
    }
}
