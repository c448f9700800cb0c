using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>The benchmark's communities, each with a published credential (365 days) under a 60-day-window lifespan policy.</summary>
public sealed record BenchmarkCommunity(string Id, string DefinitionId)
{
    public const int WindowDays = 60;

    public static async Task<IReadOnlyList<BenchmarkCommunity>> CreateAsync(IGrainFactory grains, int count)
    {
        var created = new List<BenchmarkCommunity>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(20))
        {
            created.AddRange(await Task.WhenAll(chunk.Select(i => CreateOneAsync(grains, $"bench{i:D4}"))));
        }

        return created;
    }

    private static async Task<BenchmarkCommunity> CreateOneAsync(IGrainFactory grains, string community)
    {
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.Framework(community, frameworkId);
        await framework.DefineAsync(new DefineFramework("Practice", null, [new Competency("OPS-1", "Operations", null, ["Runs incidents"])]), Actors.System);
        await framework.PublishAsync(Actors.System);
        var definitionId = EntityId.New(IdPrefixes.CredentialDefinition);
        var definition = grains.CredentialDefinition(community, definitionId);
        await definition.DefineAsync(new DefineCredential("Operations", "Runs operations.", CredentialTier.Foundational, frameworkId, "Show your work.",
            new Rubric([new RubricCriterion("C1", "Incidents", null, ["OPS-1"], [new("Not yet", 0, null), new("Proficient", 2, null)])], 60), 365, 2), Actors.System);
        await definition.PublishAsync(Actors.System);
        await definition.SetLifespanPolicyAsync(new LifespanPolicy(WindowDays, CeRequirement.None, RenewalEvidence.None, 30, 30, LapseAction.Expire), Actors.System);
        return new BenchmarkCommunity(community, definitionId);
    }
}
