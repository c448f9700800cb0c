using Bogus;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Sets up a community's program, people and evidence directly through grains, with Bogus data.</summary>
public sealed class ProgramBuilder(IGrainFactory grains, string community, int seed = 11)
{
    public static readonly string[] Competencies = ["OBS-1", "INC-1"];

    private readonly Faker _faker = new() { Random = new Randomizer(seed) };

    public string Community { get; } = community;

    public Faker Faker => _faker;

    /// <summary>Opens the community itself (needed wherever a credential is issued: it names the issuer).</summary>
    public async Task OpenCommunityAsync() =>
        await grains.GetGrain<Abstractions.Communities.ICommunityGrain>(Community)
            .CreateAsync(new Abstractions.Communities.CreateCommunity(_faker.Company.CompanyName() + " Guild", null, null, null), Actors.Operator);

    public static Rubric Rubric(int threshold = 60) => new(
    [
        new RubricCriterion("C1", "Objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incidents", null, ["INC-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
    ], threshold);

    public async Task<string> PublishedCredentialAsync(int evaluators = 2, int? validityDays = 365, AssessmentPolicy? policy = null)
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
        if (policy is not null)
        {
            await definition.SetAssessmentPolicyAsync(policy, Actors.System);
        }

        return definitionId;
    }

    public async Task<string> EvaluatorAsync(
        string? organisation = null, string? linkedLearnerId = null, int capacity = 10, string? email = null, IReadOnlyList<string>? expertise = null, IReadOnlyList<string>? languages = null)
    {
        var id = EntityId.New(IdPrefixes.Evaluator);
        var name = _faker.Name.FullName();
        await Pool.RegisterAsync(id, new RegisterEvaluator(name, email ?? $"{Guid.NewGuid():N}@evaluators.example", organisation ?? _faker.Company.CompanyName(),
            expertise ?? Competencies, linkedLearnerId, capacity, languages), Actors.System);
        return id;
    }

    /// <summary>Enrols a learner; their organisation never collides with an evaluator's unless a test says so.</summary>
    public async Task<(string Id, LearnerProfile Profile)> LearnerAsync(string? email = null, string? organisation = null)
    {
        var id = EntityId.New(IdPrefixes.Learner);
        var profile = await grains.GetGrain<ILearnerGrain>(Key(id))
            .EnrolAsync(new EnrolLearner(_faker.Name.FullName(), email ?? $"{Guid.NewGuid():N}@learners.example", organisation ?? _faker.Company.CompanyName() + " Academy"), Actors.System);
        return (id, profile);
    }

    /// <summary>Uploads one piece of evidence for the learner and submits it as an attempt.</summary>
    public async Task<AttemptView> SubmitAsync(string learnerId, string definitionId, string? evidence = null, IReadOnlyList<ReflectionAnswer>? reflections = null)
    {
        var artifact = await Uploads.CommitAsync(Learner(learnerId), evidence ?? $"# Evidence\n\n{_faker.Lorem.Paragraph()}\n");
        return await Attempt(EntityId.New(IdPrefixes.Attempt)).SubmitAsync(new SubmitAttempt(learnerId, definitionId, [artifact], reflections));
    }

    /// <summary>Opens the community, publishes a credential with two evaluators to review it, and submits a new learner's attempt.</summary>
    public async Task<(string LearnerId, AttemptView Attempt)> SubmittedToTwoEvaluatorsAsync(int? validityDays = 365)
    {
        await OpenCommunityAsync();
        var definitionId = await PublishedCredentialAsync(validityDays: validityDays);
        await EvaluatorAsync();
        await EvaluatorAsync();
        var (learnerId, _) = await LearnerAsync();
        return (learnerId, await SubmitAsync(learnerId, definitionId));
    }

    /// <summary>An evaluator's review giving every criterion the same level (Not yet 0%, Proficient 66.67%, Exemplary 100%).</summary>
    public Task<AttemptView> ReviewAsync(string attemptId, string evaluatorId, string level) =>
        Attempt(attemptId).SubmitReviewAsync(Review(evaluatorId, level));

    public SubmitReview Review(string evaluatorId, string level) =>
        new(evaluatorId, [new CriterionScore("C1", level, _faker.Lorem.Sentence()), new CriterionScore("C2", level, _faker.Lorem.Sentence())], _faker.Lorem.Sentence());

    public IAttemptGrain Attempt(string attemptId) => grains.GetGrain<IAttemptGrain>(Key(attemptId));

    public ILearnerGrain Learner(string learnerId) => grains.GetGrain<ILearnerGrain>(Key(learnerId));

    /// <summary>A person's relationships (<c>learner:…</c> or <c>evaluator:…</c>, see <c>PersonRef</c>).</summary>
    public IRelationshipsGrain Relationships(string person) => grains.GetGrain<IRelationshipsGrain>(Key(person));

    public IEvaluatorPoolGrain Pool => grains.GetGrain<IEvaluatorPoolGrain>(Community);

    public string Key(string id) => new ScopedKey(Community, id).ToString();
}
