using CertGrid.Abstractions.Hosting;
using System.Security.Cryptography;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Credentials.Exports;

/// <summary>Builds learners' records from their credential grains; runs on any silo.</summary>
[StatelessWorker]
public sealed class LearnerRecordExportGrain(PublicRoutes routes, [FromKeyedServices(DomainClock.ServiceKey)] TimeProvider clock)
    : Grain, ILearnerRecordExportGrain
{
    private string Community => this.GetPrimaryKeyString();

    public async Task<LearnerRecordExport> ExportClrAsync(string learnerId)
    {
        var learner = await GrainFactory.Learner(Community, learnerId).GetAsync();
        var community = await GrainFactory.GetGrain<ICommunityGrain>(Community).GetAsync();
        var now = clock.GetUtcNow();
        var valid = (await CredentialsAsync(learnerId))
            .Where(c => c.Status == CredentialStatus.Active && c.ReplacedByCredentialId is null && (c.ValidUntil is null || c.ValidUntil > now))
            .Select(c => (c.Jwt, c.AchievementName))
            .ToList();
        if (valid.Count == 0)
        {
            throw CertGridException.Policy($"Learner '{learnerId}' holds no valid credential yet, and a CLR 2.0 record carries at least one.");
        }

        var issuer = new IssuerProfile(routes.Issuer(Community), community.Name, community.Url, community.Email, community.Description, community.ImageUrl);
        var id = $"urn:uuid:{Guid.NewGuid()}";
        var document = ClrDocument.Build(id, issuer, learner.Name, learner.Email, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now, valid);
        var payload = (System.Text.Json.Nodes.JsonObject)document.DeepClone();
        payload["iss"] = issuer.Id;
        payload["jti"] = id;
        payload["nbf"] = now.ToUnixTimeSeconds();
        var signed = await GrainFactory.GetGrain<IIssuerGrain>(Community).SignJwtAsync(payload.ToJsonString());
        return new LearnerRecordExport(signed.Compact, document.ToJsonString(), valid.Count);
    }

    public async Task<(IReadOnlyList<string> Jwts, int Total)> ListJwtsAsync(string learnerId, int offset, int limit)
    {
        var all = (await CredentialsAsync(learnerId)).OrderByDescending(c => c.ValidFrom).ToList();
        return (all.Skip(offset).Take(limit).Select(c => c.Jwt).ToList(), all.Count);
    }

    private async Task<IReadOnlyList<IssuedCredential>> CredentialsAsync(string learnerId)
    {
        var record = await GrainFactory.Learner(Community, learnerId).GetRecordAsync();
        var credentials = await Task.WhenAll(record.CredentialIds.Select(id =>
            GrainFactory.Credential(Community, id).FindAsync()));
        return credentials.OfType<IssuedCredential>().ToList();
    }
}
