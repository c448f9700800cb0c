using Bogus;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// The community credentials are issued in: a published credential (365 days, two evaluators per attempt) and a pool
/// of evaluators from a handful of organisations, each able to hold 500 open reviews, with Bogus names.
/// </summary>
public sealed record IssuanceCommunity(string Id, string DefinitionId)
{
    public static async Task<IssuanceCommunity> CreateAsync(IGrainFactory grains, int evaluators)
    {
        var faker = new Faker { Random = new Randomizer(13) };
        var id = "issuance";
        await grains.GetGrain<ICommunityGrain>(id).CreateAsync(new CreateCommunity("Reliability Guild", null, "https://guild.example", null), Actors.Operator);
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.Framework(id, frameworkId);
        await framework.DefineAsync(new DefineFramework("Site reliability", null,
            [new Competency("OBS-1", "Observability", null, ["Defines SLIs"]), new Competency("INC-1", "Incidents", null, ["Runs incidents"])]), Actors.System);
        await framework.PublishAsync(Actors.System);
        var definitionId = EntityId.New(IdPrefixes.CredentialDefinition);
        var definition = grains.CredentialDefinition(id, definitionId);
        await definition.DefineAsync(new DefineCredential("Reliability Practitioner", "Runs production services reliably.", CredentialTier.Foundational,
            frameworkId, "Show an SLO you defined and an incident you ran.", Rubric, 365, 2), Actors.System);
        await definition.PublishAsync(Actors.System);

        var pool = grains.GetGrain<IEvaluatorPoolGrain>(id);
        var organisations = Enumerable.Range(0, 8).Select(_ => faker.Company.CompanyName()).ToList();
        for (var i = 0; i < evaluators; i++)
        {
            await pool.RegisterAsync(EntityId.New(IdPrefixes.Evaluator), new RegisterEvaluator(faker.Name.FullName(), $"evaluator{i}@{faker.Internet.DomainName()}",
                organisations[i % organisations.Count], ["OBS-1", "INC-1"], null, 500, null), Actors.System);
        }

        return new IssuanceCommunity(id, definitionId);
    }

    public static Rubric Rubric { get; } = new(
    [
        new RubricCriterion("C1", "Service level objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incident command", null, ["INC-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
    ], 60);

    /// <summary>A passing review with Bogus comments.</summary>
    public static SubmitReview PassingReview(Faker faker, string evaluatorId) => new(evaluatorId,
        [new CriterionScore("C1", "Exemplary", faker.Lorem.Sentence()), new CriterionScore("C2", "Proficient", faker.Lorem.Sentence())], faker.Lorem.Sentence());
}
