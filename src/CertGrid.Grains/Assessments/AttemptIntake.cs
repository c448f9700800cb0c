using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Practice;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;

namespace CertGrid.Grains.Assessments;

/// <summary>Everything a submission gathers before the attempt stores anything.</summary>
internal sealed record Submission(
    AssessedParty Learner, CredentialDefinitionInfo Definition, AssessmentPolicy Policy, IReadOnlyList<ReflectionAnswer> Reflections,
    IReadOnlyList<EvidenceRef> Evidence, PanelStaffing Staffing, int AttemptNumber, string? Cohort);

/// <summary>
/// Takes in a submission: the learner, a published credential and its policy, the reflections it asks for, committed
/// evidence, the retake policy (checked and recorded on the learner in one step, so concurrent submissions serialise
/// there) and a fully staffed panel. Whatever it reserved is released again if a later step fails.
/// </summary>
internal static class AttemptIntake
{
    public static async Task<Submission> TakeAsync(IGrainFactory grains, ScopedKey attempt, SubmitAttempt command, DateTimeOffset now)
    {
        var learnerGrain = grains.Learner(attempt.Community, command.LearnerId);
        var learner = await learnerGrain.GetAsync();
        var definitionId = EntityId.Require(command.DefinitionId, IdPrefixes.CredentialDefinition, "input.credentialId");
        var definitionGrain = grains.CredentialDefinition(attempt.Community, definitionId);
        var definition = await definitionGrain.GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is not published yet, so it cannot be attempted.");
        }

        await grains.GetGrain<IEligibilityGrain>(attempt.Community).RequireEligibleAsync(learner.Id, definitionId);
        var policy = await definitionGrain.GetAssessmentPolicyAsync();
        var reflections = ReflectionRules.Validate(policy.ReflectivePrompts, command.Reflections);
        var evidence = await learnerGrain.ResolveEvidenceAsync(command.ArtifactIds);
        var party = new AssessedParty(learner.Id, learner.Email, learner.Organisation);
        var diagnostics = await grains.LearnerPractice(attempt.Community, learner.Id).DiagnosticsCompletedAsync(definitionId);

        await learnerGrain.ReserveAttemptAsync(new LearnerAttempt(attempt.Id, definitionId, now), policy.Retake, diagnostics, definition.Name);
        try
        {
            var record = await learnerGrain.GetRecordAsync();
            var attemptNumber = Math.Max(1, record.Attempts.Count(a => a.DefinitionId == definitionId));
            var request = await PanelRequests.BuildAsync(grains, attempt.Community, attempt.Id, party, definitionId, definition.Rubric, policy, [],
                definition.EvaluatorsPerAttempt, allowPartial: false, now);
            var staffing = await grains.GetGrain<IEvaluatorPoolGrain>(attempt.Community).AssignPanelAsync(request);
            return new Submission(party, definition, policy, reflections, evidence, staffing, attemptNumber, record.CohortIds.Count > 0 ? record.CohortIds[^1] : null);
        }
        catch (CertGridException)
        {
            await learnerGrain.ReleaseAttemptAsync(attempt.Id);
            throw;
        }
    }

    /// <summary>Undoes the reservations of a submission the attempt could not store.</summary>
    public static async Task ReleaseAsync(IGrainFactory grains, ScopedKey attempt, string learnerId)
    {
        await grains.GetGrain<IEvaluatorPoolGrain>(attempt.Community).ReleasePanelsAsync([attempt.Id]);
        await grains.Learner(attempt.Community, learnerId).ReleaseAttemptAsync(attempt.Id);
    }
}
