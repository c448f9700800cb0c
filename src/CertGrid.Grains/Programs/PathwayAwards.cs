using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>
/// Awards the credentials a learner's newly issued credential completes a stackable pathway for. Each award goes
/// through the normal <see cref="ICredentialGrain.IssueAsync"/> under a deterministic id (one award per learner and
/// pathway), cites the component credentials as evidence, and is audited as the stacked credential's issuance.
/// Reads the learner's credentials from the progress read model, never from other credential grains, so it can run
/// inside an issuance without calling back into a credential that is waiting for it.
/// </summary>
internal sealed class PathwayAwards(IGrainFactory grains, StorageClients storage, PublicRoutes routes, string community)
{
    public async Task AwardAsync(string learnerId, HeldCredential issued, DateTimeOffset now)
    {
        var pathways = (await grains.GetGrain<IPathwaysGrain>(community).ListAsync())
            .Where(p => p.Status == PathwayStatus.Active && p.ComponentDefinitionIds.Contains(issued.DefinitionId)).ToList();
        if (pathways.Count == 0)
        {
            return;
        }

        var rows = new List<AchievementRow>();
        await foreach (var row in storage.ReadModel(storage.Names.ProgressTable).ScanAsync<AchievementRow>(community, AchievementRow.LearnerPrefix(learnerId)))
        {
            rows.Add(row);
        }

        var held = rows.Select(r => r.ToHeld()).Where(h => h.CredentialId != issued.CredentialId).Append(issued).ToList();
        foreach (var pathway in PathwayCompletion.Completed(pathways, held, now))
        {
            var evidence = pathway.ComponentDefinitionIds
                .Select(id => rows.Where(r => r.DefinitionId == id && r.ToHeld().IsValidAt(now)).OrderByDescending(r => r.ValidFrom).FirstOrDefault())
                .OfType<AchievementRow>()
                .Select(r => new EvidenceItem(routes.Credential(community, r.CredentialId), r.Name, r.JwtSha256, "application/vc+jwt", r.JwtLength))
                .ToList();
            var credentialId = AwardIds.For(community, learnerId, pathway.Id);
            await grains.Credential(community, credentialId).IssueAsync(new IssueCredential(
                learnerId, pathway.TargetDefinitionId, pathway.Id, [], [], AwardedThrough: $"pathway:{pathway.Id}", SupportingEvidence: evidence));
        }
    }
}

/// <summary>Deterministic ids of automatically awarded credentials: the same learner and basis always give the same id.</summary>
internal static class AwardIds
{
    public static string For(string community, string learnerId, string basis) =>
        $"{IdPrefixes.Credential}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{community}|{learnerId}|{basis}")))[..32]}";
}
