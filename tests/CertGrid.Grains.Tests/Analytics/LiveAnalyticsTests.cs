using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Persistence;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Demographics;

namespace CertGrid.Grains.Tests.Analytics;

/// <summary>
/// Program analytics follow live decisions: each change of an attempt carries its analytics count through the persisted
/// effect outbox, so a decision shows within seconds and a silo that dies before counting it loses nothing.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class LiveAnalyticsTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_decision_is_in_the_community_analytics_within_seconds_with_its_reviews_and_levels()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync();
        var evaluatorOrganisation = program.Faker.Company.CompanyName() + " Reviewers";
        await program.EvaluatorAsync(organisation: evaluatorOrganisation);
        await program.EvaluatorAsync(organisation: evaluatorOrganisation);
        var (learnerId, learner) = await program.LearnerAsync();
        await fixture.Grains.GetGrain<IFairnessPolicyGrain>(program.Community).DefineAttributeAsync(
            new DemographicAttributeDefinition("age-band", ["age-under-30", "age-30-plus"], [new DemographicLabel("en", "Age band")]), "admin:test");
        await fixture.Grains.DemographicDeclaration(program.Community, learnerId).DeclareAsync([new DeclaredValue("age-band", "age-30-plus")]);
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Exemplary");
        var decided = await program.ReviewAsync(attempt.Id, attempt.Panel[1].EvaluatorId, "Proficient");
        Assert.Equal(AttemptStatus.Passed, decided.Status);

        var analytics = fixture.Grains.GetGrain<IProgramAnalyticsQueryGrain>(program.Community);
        var now = fixture.Cluster.Clock.GetUtcNow();
        var summary = await Eventually.HoldsAsync(() => analytics.SummariseAsync(now.AddDays(-1), now.AddDays(1)),
            s => s.FirstAttempts.Total == 1, "the decision is counted", timeoutMs: 5_000);

        Assert.Equal(1, summary.Applications);
        Assert.Equal(1, summary.FirstAttempts.Passed);
        Assert.Equal(0, summary.LaterAttempts.Total);
        var month = await fixture.Grains.ProgramAnalytics(program.Community, AnalyticsPeriod.Of(now)).GetAsync();
        Assert.Equal(1, month.Groups[FairnessDimension.LearnerOrganisation][learner.Organisation!].Total);
        Assert.Equal(2, month.Groups[FairnessDimension.EvaluatorOrganisation][evaluatorOrganisation].Total);
        Assert.Equal(2, month.Evaluators.Values.Sum(e => e.Reviews));

        // What the learner declared is counted (read when the count is applied), and shown only suppressed: one person.
        Assert.Equal(1, month.Declared["age-band"]["age-30-plus"].Total);
        var declared = summary.Fairness.Single(f => f.Dimension == ProgramAnalytics.DeclaredDimension + "age-band");
        Assert.True(declared.Groups.Single().Impact.Suppressed);
        Assert.Null(declared.Groups.Single().Impact.Total);

        // Each criterion got "Exemplary" (rank 3) and "Proficient" (rank 2) from the two reviewers.
        Assert.Equal(2, month.Reliability.Count);
        Assert.All(month.Reliability.Keys, key => Assert.StartsWith(definitionId + "/", key, StringComparison.Ordinal));

        // Asking the attempt's effects to run again counts nothing twice.
        await Settled.EffectsOfAsync(fixture.Grains, program.Attempt(attempt.Id));
        var again = await analytics.SummariseAsync(now.AddDays(-1), now.AddDays(1));
        Assert.Equal(1, again.FirstAttempts.Total);
    }

    [Fact]
    public async Task A_decision_stored_while_analytics_were_out_on_a_silo_that_then_died_is_counted_once_by_the_sweep()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var program = new ProgramBuilder(cluster.Grains, GrainClusterFixture.NewCommunity());
        await program.OpenCommunityAsync();
        var definitionId = await program.PublishedCredentialAsync();
        await program.EvaluatorAsync();
        await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        var grain = program.Attempt(attempt.Id);
        await program.ReviewAsync(attempt.Id, attempt.Panel[0].EvaluatorId, "Not yet");

        await cluster.MoveToSecondarySiloAsync(grain);
        cluster.BeginOutage("IProgramAnalyticsQueryGrain.RecordAsync");
        var decided = await grain.SubmitReviewAsync(program.Review(attempt.Panel[1].EvaluatorId, "Not yet"));
        Assert.Equal(AttemptStatus.Failed, decided.Status);
        var outbox = cluster.Grains.GetGrain<IEffectOutbox>(grain.GetGrainId());
        Assert.Contains((await outbox.GetEffectsAsync()).Pending, e => e.Kind == nameof(Grains.Analytics.CountDecisionInAnalytics));
        await cluster.KillSiloHostingAsync(grain);
        cluster.EndOutage();

        var sweeper = cluster.Grains.GetGrain<IEffectSweeperGrain>(program.Community);
        await Eventually.HoldsAsync(async () =>
        {
            await sweeper.SweepAsync();
            return await outbox.GetEffectsAsync();
        }, backlog => backlog.Settled, "the attempt's effects are applied", timeoutMs: 90_000);

        var now = cluster.Clock.GetUtcNow();
        var summary = await cluster.Grains.GetGrain<IProgramAnalyticsQueryGrain>(program.Community).SummariseAsync(now.AddDays(-1), now.AddDays(1));
        Assert.Equal(1, summary.Applications);
        Assert.Equal(1, summary.FirstAttempts.Total);
        Assert.Equal(0, summary.FirstAttempts.Passed);
    }
}
