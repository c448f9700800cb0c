using CertGrid.Abstractions.Onboarding;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Removes the rows naming an erased learner (by their email) from every roster file uploaded to the community and from
/// the imports' results files. The community's imports are found by their blobs (<c>{community}/imports/{import}/…</c>).
/// The effect carries the SHA-256 of the (normalised) email, never the email: applied effects stay in the learner's
/// tombstone until its next write.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-roster-rows")]
public sealed record EraseRosterRows([property: Id(0)] string LearnerId, [property: Id(1)] string EmailSha256) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override async Task ApplyAsync(EffectContext context)
    {
        var prefix = $"{context.Community}/imports/";
        var imports = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var name in context.Services.GetRequiredService<ArtifactStore>().NamesUnderAsync(prefix))
        {
            imports.Add(name[prefix.Length..].Split('/')[0]);
        }

        foreach (var importId in imports)
        {
            await context.Grains.RosterImport(context.Community, importId).EraseRowsNamingAsync(EmailSha256);
        }
    }
}

