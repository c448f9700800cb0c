using System.Diagnostics;
using Bogus;
using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Programs;

namespace CertGrid.Benchmarks.Quality;

/// <summary>
/// Real decisions in the loaded community: a learner enrols, uploads and commits evidence, submits (the pool staffs the
/// panel), two evaluators review; the time is measured from the deciding review's call to the decision showing in the
/// month's analytics (carried by the attempt's persisted effect, as in production).
/// </summary>
public static class LiveDecisions
{
    private static readonly Rubric Rubric = new(
    [
        new RubricCriterion("C1", "Service level objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incident command", null, ["INC-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
    ], 60);

    public static async Task<string> OpenAsync(IGrainFactory grains, string community)
    {
        var faker = new Faker { Random = new Randomizer(17) };
        await grains.GetGrain<ICommunityGrain>(community).CreateAsync(new CreateCommunity("Reliability Guild", null, "https://guild.example", null), Actors.Operator);
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.Framework(community, frameworkId);
        await framework.DefineAsync(new DefineFramework("Site reliability", null,
            [new Competency("OBS-1", "Observability", null, ["Defines SLIs"]), new Competency("INC-1", "Incidents", null, ["Runs incidents"])]), Actors.System);
        await framework.PublishAsync(Actors.System);
        var definitionId = EntityId.New(IdPrefixes.CredentialDefinition);
        var definition = grains.CredentialDefinition(community, definitionId);
        await definition.DefineAsync(new DefineCredential("Reliability Practitioner", "Runs production services reliably.", CredentialTier.Foundational,
            frameworkId, "Show an SLO you defined and an incident you ran.", Rubric, 365, 2), Actors.System);
        await definition.PublishAsync(Actors.System);
        for (var i = 0; i < 6; i++)
        {
            await grains.GetGrain<IEvaluatorPoolGrain>(community).RegisterAsync(EntityId.New(IdPrefixes.Evaluator), new RegisterEvaluator(faker.Name.FullName(),
                $"evaluator{i}@{faker.Internet.DomainName()}", faker.Company.CompanyName(), ["OBS-1", "INC-1"], null, 100, null), Actors.System);
        }

        return definitionId;
    }

    /// <summary>Decides <paramref name="count"/> attempts one after another; returns, for each, the seconds until analytics counted it.</summary>
    public static async Task<IReadOnlyList<double>> MeasureAsync(IGrainFactory grains, string community, string definitionId, DateTimeOffset now, int count)
    {
        var month = grains.ProgramAnalytics(community, AnalyticsPeriod.Of(now));
        var seconds = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var faker = new Faker { Random = new Randomizer(100 + i) };
            var learnerId = EntityId.New(IdPrefixes.Learner);
            var learner = grains.Learner(community, learnerId);
            await learner.EnrolAsync(new EnrolLearner(faker.Name.FullName(), $"learner{i}@{faker.Internet.DomainName()}", faker.Company.CompanyName() + " Academy"), Actors.System);
            var artifactId = await EvidenceUpload.CommitAsync(learner, "Incident review", $"# Incident review\n\n{faker.Lorem.Paragraphs(2)}\n");
            var attempt = grains.Attempt(community, EntityId.New(IdPrefixes.Attempt));
            var view = await attempt.SubmitAsync(new SubmitAttempt(learnerId, definitionId, [artifactId]));
            await attempt.SubmitReviewAsync(Review(faker, view.Panel[0].EvaluatorId));
            var before = (await month.GetAsync()).FirstAttempts.Total;

            var watch = Stopwatch.StartNew();
            await attempt.SubmitReviewAsync(Review(faker, view.Panel[1].EvaluatorId));
            while ((await month.GetAsync()).FirstAttempts.Total == before)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("A decision did not reach the analytics within 60 s.");
                }

                await Task.Delay(5);
            }

            seconds.Add(watch.Elapsed.TotalSeconds);
        }

        return seconds;
    }

    private static SubmitReview Review(Faker faker, string evaluatorId) => new(evaluatorId,
        [new CriterionScore("C1", "Exemplary", faker.Lorem.Sentence()), new CriterionScore("C2", "Proficient", faker.Lorem.Sentence())], faker.Lorem.Sentence());
}
