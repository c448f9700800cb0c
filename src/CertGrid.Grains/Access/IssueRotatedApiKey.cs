using CertGrid.Abstractions.Access;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Access;

/// <summary>A rotated key's replacement comes into being with the rotation; creating it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.issue-rotated-api-key")]
public sealed record IssueRotatedApiKey([property: Id(0)] string NewKeyId, [property: Id(1)] RotatedApiKey Replacement) : Effect
{
    public override string Receiver => $"apikey:{NewKeyId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.ApiKey(context.Community, NewKeyId).AdoptRotationAsync(Replacement);
}
