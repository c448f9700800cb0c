using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// A decided appeal hands its outcome to the attempt, which passes on an overturn and issues the credential under the
/// id the appeal chose when it decided. The attempt applies an appeal's outcome once.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.apply-appeal-outcome")]
public sealed record ApplyAppealOutcome(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string AppealId,
    [property: Id(2)] AppealOutcome Outcome,
    [property: Id(3)] string Reason,
    [property: Id(4)] IReadOnlyList<CriterionResult> Levels,
    [property: Id(5)] string? CredentialId) : Effect
{
    public override string Receiver => $"attempt:{AttemptId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Attempt(context.Community, AttemptId).ApplyAppealOutcomeAsync(AppealId, Outcome, Reason, Levels, CredentialId);
}
