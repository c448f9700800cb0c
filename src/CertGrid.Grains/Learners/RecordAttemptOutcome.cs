using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

/// <summary>
/// A decided attempt records its outcome in the learner's history (retake rules read it) and, for a pass, the credential it
/// earned, in one write of the learner; recording it again changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-attempt-outcome")]
public sealed record RecordAttemptOutcome(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string AttemptId,
    [property: Id(2)] bool Passed,
    [property: Id(3)] DateTimeOffset DecidedAt,
    [property: Id(4)] string? CredentialId = null) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordAttemptOutcomeAsync(AttemptId, Passed, DecidedAt, CredentialId);
}
