using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// Checks renewal evidence a holder offers against what the policy asks for: a committed portfolio artifact (frozen
/// by hash, then reviewed by an admin), or an attempt at the same credential that passed and was submitted once the
/// renewal window was open (accepted at once: its panel already decided).
/// </summary>
public static class RenewalEvidenceIntake
{
    public static async Task<RenewalEvidenceSubmission> CheckAsync(IGrainFactory grains, string community, RenewalState state, SubmitRenewalEvidence command, DateTimeOffset now)
    {
        var required = state.Policy?.Evidence ?? RenewalEvidence.None;
        if (required == RenewalEvidence.None)
        {
            throw CertGridException.Policy("This credential's lifespan policy asks for no renewal evidence; renew it once the credits are in.");
        }

        if (state.Evidence?.Status == EvidenceStatus.Accepted)
        {
            throw CertGridException.Conflict("Renewal evidence was already accepted for this credential.");
        }

        if (required == RenewalEvidence.PortfolioArtifact)
        {
            var artifactId = EntityId.Require(command.ArtifactId, IdPrefixes.Artifact, "input.artifactId");
            var evidence = await grains.Learner(community, state.LearnerId).ResolveEvidenceAsync([artifactId]);
            return new RenewalEvidenceSubmission(RenewalEvidence.PortfolioArtifact, artifactId, evidence[0].Version.Sha256, null, null, EvidenceStatus.InReview, null, now);
        }

        var attemptId = EntityId.Require(command.AttemptId, IdPrefixes.Attempt, "input.attemptId");
        var attempt = await grains.Attempt(community, attemptId).GetAsync();
        if (attempt.LearnerId != state.LearnerId)
        {
            throw CertGridException.NotFound("Attempt", attemptId);
        }

        if (attempt.DefinitionId != state.DefinitionId)
        {
            throw CertGridException.Invalid("input.attemptId", "That attempt is at another credential; a reassessment must be at the credential being renewed.");
        }

        if (attempt.Status != AttemptStatus.Passed || attempt.CredentialId is null)
        {
            throw CertGridException.Policy($"Attempt '{attemptId}' has not passed ({attempt.Status}); offer it once its panel has passed it.");
        }

        if (state.Timeline.WindowOpensAt is { } opens && attempt.SubmittedAt < opens)
        {
            throw CertGridException.Policy("That attempt was submitted before the renewal window opened; a reassessment must be submitted within the window.");
        }

        return new RenewalEvidenceSubmission(RenewalEvidence.Reassessment, null, null, attemptId, attempt.CredentialId, EvidenceStatus.Accepted, null, now, Actors.System, now);
    }

    public static RenewalEvidenceSubmission Review(RenewalEvidenceSubmission? evidence, bool accept, string? reason, string actor, DateTimeOffset now)
    {
        if (evidence is not { Kind: RenewalEvidence.PortfolioArtifact })
        {
            throw CertGridException.Conflict("There is no renewal artifact to review for this credential.");
        }

        if (evidence.Status == EvidenceStatus.Accepted)
        {
            throw CertGridException.Conflict("This renewal evidence was already accepted.");
        }

        var why = accept ? InputRules.OptionalText(reason, "reason", 1000) : InputRules.RequireText(reason, "reason", 1000);
        return evidence with { Status = accept ? EvidenceStatus.Accepted : EvidenceStatus.Rejected, Reason = why, ReviewedBy = actor, ReviewedAt = now };
    }
}
