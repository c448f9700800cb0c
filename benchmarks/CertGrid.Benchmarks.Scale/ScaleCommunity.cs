using Bogus;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;

namespace CertGrid.Benchmarks.Scale;

/// <summary>The community and its program: a published framework, two published credentials, governance switched on.</summary>
public sealed record ScaleCommunity(string Id, IReadOnlyList<string> DefinitionIds)
{
    public const string CommunityId = "scale";

    public static async Task<ScaleCommunity> CreateAsync(IGrainFactory grains, Faker faker)
    {
        await grains.GetGrain<ICommunityGrain>(CommunityId).CreateAsync(new CreateCommunity(faker.Company.CompanyName() + " Guild", faker.Company.CatchPhrase(), "https://guild.example", null), Actors.Operator);
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.GetGrain<ICompetencyFrameworkGrain>(Key(frameworkId));
        await framework.DefineAsync(new DefineFramework("Site reliability", faker.Lorem.Sentence(),
            [new Competency("OBS-1", "Observability", null, ["Defines SLIs"]), new Competency("INC-1", "Incidents", null, ["Runs incidents"])]), Actors.System);
        await framework.PublishAsync(Actors.System);
        var definitions = new List<string>();
        foreach (var (name, tier) in new[] { ("Reliability Practitioner", CredentialTier.Foundational), ("Reliability Lead", CredentialTier.Advanced) })
        {
            var id = EntityId.New(IdPrefixes.CredentialDefinition);
            var definition = grains.GetGrain<ICredentialDefinitionGrain>(Key(id));
            await definition.DefineAsync(new DefineCredential(name, faker.Lorem.Sentence(), tier, frameworkId, faker.Lorem.Paragraph(), Rubric, 365, 2), Actors.System);
            await definition.PublishAsync(Actors.System);
            definitions.Add(id);
        }

        await grains.GetGrain<IGovernanceGrain>(CommunityId).ConfigureAsync(new GovernanceSettings(2, 30), Actors.System);
        return new ScaleCommunity(CommunityId, definitions);
    }

    public static string Key(string id) => new ScopedKey(CommunityId, id).ToString();

    private static Rubric Rubric { get; } = new(
    [
        new RubricCriterion("C1", "Service level objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incident command", null, ["INC-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
    ], 60);
}
