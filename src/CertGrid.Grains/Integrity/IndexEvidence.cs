using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Integrity;

/// <summary>A submitted attempt's evidence goes into the community's evidence-hash index (duplicate detection); indexed once per attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.index-evidence")]
public sealed record IndexEvidence(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] IReadOnlyList<EvidenceRef> Evidence) : Effect
{
    public override string Receiver => "assessment-index";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IAssessmentIndexGrain>(context.Community).RecordEvidenceAsync(AttemptId, LearnerId, SubmittedAt, Evidence);
}
