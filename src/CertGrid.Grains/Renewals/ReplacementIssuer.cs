using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// Issues the credential that renews another: same holder and definition, a new validity from today, the original
/// assessment's results and evidence (plus the accepted renewal artifact), and a link to the credential it replaces.
/// Idempotent: the new id is chosen and stored before this runs, and issuing the same id again returns it.
/// </summary>
public static class ReplacementIssuer
{
    public static async Task IssueAsync(IGrainFactory grains, string community, string replacedId, string newId, RenewalState state)
    {
        var attempt = await grains.GetGrain<IAttemptGrain>(new ScopedKey(community, state.AttemptId).ToString()).GetAsync();
        var definition = await grains.GetGrain<ICredentialDefinitionGrain>(new ScopedKey(community, state.DefinitionId).ToString()).GetAsync();
        IReadOnlyList<CriterionResult> results;
        try
        {
            results = CriterionConsensus.Levels(definition.Rubric, attempt.Reviews.Select(r => r.Scores).ToList());
        }
        catch (InvalidOperationException)
        {
            // The rubric no longer has a level the panel picked: the renewal asserts the achievement without levels.
            results = [];
        }

        var evidence = attempt.Evidence.ToList();
        if (state.Evidence is { Kind: RenewalEvidence.PortfolioArtifact, ArtifactId: { } artifactId })
        {
            evidence.AddRange(await grains.GetGrain<ILearnerGrain>(new ScopedKey(community, state.LearnerId).ToString()).ResolveEvidenceAsync([artifactId]));
        }

        await grains.GetGrain<ICredentialGrain>(new ScopedKey(community, newId).ToString())
            .IssueAsync(new IssueCredential(state.LearnerId, state.DefinitionId, state.AttemptId, results, evidence, replacedId));
    }
}
