using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// Issues the credential that renews another: same holder and definition, a new validity from today, the original
/// assessment's results and evidence (plus the accepted renewal artifact), and a link to the credential it replaces.
/// The new id was chosen and stored with the renewal, and issuing the same id again returns it. Ordered with the
/// changes to the renewed credential, so it is marked replaced only once its replacement exists. A holder erased before
/// it was issued gets none (<see cref="ErasedHolders"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.issue-renewal-replacement")]
public sealed record IssueRenewalReplacement(
    [property: Id(0)] string ReplacedId,
    [property: Id(1)] string ReplacementId,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] string DefinitionId,
    [property: Id(4)] string AttemptId,
    [property: Id(5)] string? RenewalArtifactId) : Effect
{
    public override string Receiver => $"credential:{ReplacedId}";

    public override Task ApplyAsync(EffectContext context) =>
        ErasedHolders.UnlessErasedAsync(context, LearnerId, $"Issuing renewal {ReplacementId} of {ReplacedId}", () => IssueAsync(context));

    private async Task IssueAsync(EffectContext context)
    {
        var grains = context.Grains;
        var attempt = await grains.Attempt(context.Community, AttemptId).GetAsync();
        var definition = await grains.CredentialDefinition(context.Community, DefinitionId).GetAsync();
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
        if (RenewalArtifactId is { } artifactId)
        {
            evidence.AddRange(await grains.Learner(context.Community, LearnerId).ResolveEvidenceAsync([artifactId]));
        }

        await grains.Credential(context.Community, ReplacementId)
            .IssueAsync(new IssueCredential(LearnerId, DefinitionId, AttemptId, results, evidence, ReplacedId));
    }
}
