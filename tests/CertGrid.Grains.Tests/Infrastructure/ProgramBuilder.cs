using Bogus;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Sets up a community's program, people and evidence directly through grains, with Bogus data.</summary>
public sealed class ProgramBuilder(IGrainFactory grains, string community)
{
    private static readonly Faker Faker = new() { Random = new Randomizer(11) };

    public string Community { get; } = community;

    public static Rubric Rubric(int threshold = 60) => new(
    [
        new RubricCriterion("C1", "Objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incidents", null, ["INC-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
    ], threshold);

    public async Task<string> PublishedCredentialAsync(int evaluators = 2, int? validityDays = 365)
    {
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.GetGrain<ICompetencyFrameworkGrain>(Key(frameworkId));
        await framework.DefineAsync(new DefineFramework("Practice", null,
            [new Competency("OBS-1", "Observability", null, ["Defines SLIs"]), new Competency("INC-1", "Incidents", null, ["Runs incidents"])]), Actors.System);
        await framework.PublishAsync(Actors.System);
        var definitionId = EntityId.New(IdPrefixes.CredentialDefinition);
        var definition = grains.GetGrain<ICredentialDefinitionGrain>(Key(definitionId));
        await definition.DefineAsync(new DefineCredential("Foundations", "Foundations of practice.", CredentialTier.Foundational, frameworkId,
            "Show your work.", Rubric(), validityDays, evaluators), Actors.System);
        await definition.PublishAsync(Actors.System);
        return definitionId;
    }

    public async Task<string> EvaluatorAsync(string? organisation = null, string? linkedLearnerId = null, int capacity = 10, string? email = null)
    {
        var id = EntityId.New(IdPrefixes.Evaluator);
        var name = Faker.Name.FullName();
        await grains.GetGrain<IEvaluatorPoolGrain>(Community).RegisterAsync(id,
            new RegisterEvaluator(name, email ?? $"{Guid.NewGuid():N}@evaluators.example", organisation ?? Faker.Company.CompanyName(), ["OBS-1"], linkedLearnerId, capacity), Actors.System);
        return id;
    }

    public async Task<(string Id, LearnerProfile Profile)> LearnerAsync(string? email = null)
    {
        var id = EntityId.New(IdPrefixes.Learner);
        var profile = await grains.GetGrain<ILearnerGrain>(Key(id))
            .EnrolAsync(new EnrolLearner(Faker.Name.FullName(), email ?? $"{Guid.NewGuid():N}@learners.example", Faker.Company.CompanyName()), Actors.System);
        return (id, profile);
    }

    public string Key(string id) => new ScopedKey(Community, id).ToString();
}
