using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Quality;
using CertGrid.Testing.Quality;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Analytics;

/// <summary>Program analytics over GraphQL: admins read the figures and the CSV; learners, evaluators and partners see none of it.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class ProgramAnalyticsOverGraphQlTests(SharedServerFixture server)
{
    private const string Query = """
        query($from: DateTimeOffset!, $until: DateTimeOffset!) {
          programAnalytics(from: $from, until: $until) {
            applications firstAttempts { passed total }
            fairness { dimension groups { group suppressed passRate impactRatio flagged significance { test adjustedPValue } } }
            reliability { criterionId measure { alpha interval { lower upper } } }
            evaluatorPairs { criterionId firstEvaluatorId secondEvaluatorId sharedAttempts kappa quadraticKappa }
            csv
          }
        }
        """;

    [Fact]
    public async Task Admins_read_the_figures_and_the_csv_and_nobody_else_sees_them()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 51, LearnersPerOrganisation = 200, BiasedAgainstOrganisation = 0 });
        var grains = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();
        foreach (var batch in HistoryEvents.Of(history).Chunk(100))
        {
            await grains.GetGrain<IProgramAnalyticsQueryGrain>(scenario.Community).RecordAsync(batch);
        }

        var window = new { from = history.Attempts.Min(a => a.DecidedAt).AddDays(-1), until = history.Attempts.Max(a => a.DecidedAt) };
        var analytics = (await server.GraphQl.DataAsync(Query, window, scenario.AdminKey)).GetProperty("programAnalytics");

        Assert.Equal(history.Attempts.Count, analytics.GetProperty("applications").GetInt32());
        var organisations = analytics.GetProperty("fairness").EnumerateArray().Single(f => f.GetProperty("dimension").GetString() == "LearnerOrganisation");
        var flagged = organisations.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("flagged").GetBoolean()).Select(g => g.GetProperty("group").GetString());
        Assert.Equal([HistoryPlan.OrganisationId(0)], flagged);
        Assert.All(analytics.GetProperty("reliability").EnumerateArray(), r => Assert.True(r.GetProperty("measure").GetProperty("alpha").GetDouble() > 0));
        var raw = RaterPairAgreement.Measure(history.CriterionUnits(0), 1, 4);
        var pairs = analytics.GetProperty("evaluatorPairs").EnumerateArray().Where(p => p.GetProperty("criterionId").GetString() == "c0").ToList();
        Assert.NotEmpty(raw);
        Assert.Equal(raw.Select(r => (r.FirstRaterId, r.SecondRaterId, r.SharedUnits, Math.Round(r.QuadraticKappa!.Value, 9))),
            pairs.Select(p => (p.GetProperty("firstEvaluatorId").GetString()!, p.GetProperty("secondEvaluatorId").GetString()!, p.GetProperty("sharedAttempts").GetInt32(),
                Math.Round(p.GetProperty("quadraticKappa").GetDouble(), 9))));
        var csv = analytics.GetProperty("csv").GetString()!.Split("\r\n");
        Assert.Contains(csv, line => line.StartsWith($"evaluator pairs,{HistoryEvents.CredentialId}/c0,{raw[0].FirstRaterId}|{raw[0].SecondRaterId},quadratic kappa,", StringComparison.Ordinal));
        Assert.Equal("section,name,group,measure,value", csv[0]);
        Assert.Contains($"volume,applications,,count,{history.Attempts.Count}", csv);
        Assert.Contains(csv, line => line.StartsWith($"fairness,LearnerOrganisation,{HistoryPlan.OrganisationId(0)},impact ratio,", StringComparison.Ordinal));

        var learner = await scenario.EnrolLearnerAsync();
        var evaluator = await scenario.RegisterEvaluatorAsync();
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        foreach (var key in new[] { learner.Key, evaluator.Key, partner })
        {
            await server.GraphQl.ErrorAsync("FORBIDDEN", Query, window, key);
        }

        await server.GraphQl.ErrorAsync("UNAUTHENTICATED", Query, window);
        var tooLong = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Query, new { from = window.from.AddYears(-5), window.until }, scenario.AdminKey);
        Assert.Contains("at most 36 months", tooLong.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
