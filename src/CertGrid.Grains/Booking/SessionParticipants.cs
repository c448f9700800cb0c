using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Assessments;
using CertGrid.Grains.Evaluators;

namespace CertGrid.Grains.Booking;

/// <summary>
/// The checks a live session needs from outside the calendar, made before the calendar changes anything: the credential
/// and its booking policy, whether an evaluator may assess it, and whether a learner may be assessed by that evaluator.
/// </summary>
internal sealed class SessionParticipants(IGrainFactory grains, string community)
{
    public async Task<(CredentialDefinitionInfo Definition, AssessmentPolicy Policy)> CredentialAsync(string definitionId, string field)
    {
        var id = EntityId.Require(definitionId, IdPrefixes.CredentialDefinition, field);
        var grain = grains.CredentialDefinition(community, id);
        var definition = await grain.GetAsync();
        if (definition.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Credential '{definition.Name}' is not published, so no sessions can be held for it.");
        }

        return (definition, await grain.GetAssessmentPolicyAsync());
    }

    /// <summary>POLICY_VIOLATION unless the evaluator is active, available then, and has the expertise and language the credential asks for.</summary>
    public async Task RequireCanAssessAsync(string evaluatorId, CredentialDefinitionInfo definition, AssessmentPolicy policy, DateTimeOffset at)
    {
        var evaluator = await grains.GetGrain<IEvaluatorPoolGrain>(community).GetAsync(evaluatorId);
        var requirements = new PanelRequirements(PanelRequests.Competencies(definition.Rubric), policy.Expertise, policy.RequiredLanguage, at);
        if (EvaluatorEligibility.Find(Candidate(evaluator), requirements) is { } reason)
        {
            throw CertGridException.Policy($"You cannot hold sessions for '{definition.Name}' at {RetakeRules.Format(at)}: the evaluator {reason}.");
        }
    }

    /// <summary>POLICY_VIOLATION when the slot's evaluator has a conflict of interest with the learner.</summary>
    public async Task RequireIndependentAsync(string learnerId, string evaluatorId, AssessmentPolicy policy, DateTimeOffset now)
    {
        var learner = await grains.Learner(community, learnerId).GetAsync();
        var evaluator = await grains.GetGrain<IEvaluatorPoolGrain>(community).GetAsync(evaluatorId);
        var conflicts = await ConflictContextLoader.LoadAsync(grains, community, learnerId, policy.ExcludeSameOrganisation, [], now);
        if (ConflictOfInterest.Find(Candidate(evaluator), new AssessedParty(learner.Id, learner.Email, learner.Organisation), conflicts) is { } reason)
        {
            throw CertGridException.Policy($"This session's evaluator cannot assess you (they {reason}). Choose a slot with another evaluator.");
        }
    }

    private static EvaluatorCandidate Candidate(EvaluatorProfile e) => new(
        e.Id, e.Email, e.Organisation, e.LinkedLearnerId, 0, e.MaxActiveAssignments, e.Active, e.Expertise, e.Languages, e.UnavailableUntil, e.OverdueReviews);
}
