using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Evaluators;

namespace CertGrid.Grains.Tests.Evaluators;

/// <summary>Assignment under concurrency: capacity is never exceeded, panels are independent, partial panels never stay.</summary>
public sealed class EvaluatorPoolTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Concurrent_assignments_never_exceed_capacity_or_assign_the_learner()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, profile) = await program.LearnerAsync();
        var self = await program.EvaluatorAsync(linkedLearnerId: learnerId, capacity: 100);
        var sameEmail = await program.EvaluatorAsync(email: profile.Email.ToUpperInvariant(), capacity: 100);
        for (var i = 0; i < 8; i++)
        {
            await program.EvaluatorAsync(organisation: $"Org {i % 3}", capacity: 5);
        }

        var pool = fixture.Grains.GetGrain<IEvaluatorPoolGrain>(program.Community);
        var party = new AssessedParty(learnerId, profile.Email, profile.Organisation);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                return await pool.EnsurePanelAsync($"att_concurrent{i:D4}", party, 2);
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.PolicyViolation)
            {
                return null;
            }
        }));

        var panels = outcomes.OfType<IReadOnlyList<EvaluatorAssignment>>().ToList();
        Assert.Equal(20, panels.Count);
        Assert.All(panels, panel => Assert.Equal(2, panel.Select(a => a.EvaluatorId).Distinct().Count()));
        var everyone = await pool.ListAsync();
        Assert.All(everyone, e => Assert.True(e.ActiveAttemptIds.Count <= e.MaxActiveAssignments, $"{e.Id} holds {e.ActiveAttemptIds.Count}"));
        Assert.Empty(everyone.Single(e => e.Id == self).ActiveAttemptIds);
        Assert.Empty(everyone.Single(e => e.Id == sameEmail).ActiveAttemptIds);
        Assert.Equal(40, everyone.Sum(e => e.ActiveAttemptIds.Count));
    }

    [Fact]
    public async Task Releasing_a_panel_frees_its_evaluators()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, profile) = await program.LearnerAsync();
        await program.EvaluatorAsync(capacity: 1);
        await program.EvaluatorAsync(capacity: 1);
        var pool = fixture.Grains.GetGrain<IEvaluatorPoolGrain>(program.Community);
        var party = new AssessedParty(learnerId, profile.Email, null);

        await pool.EnsurePanelAsync("att_first00000000001", party, 2);
        await Assert.ThrowsAsync<CertGridException>(() => pool.EnsurePanelAsync("att_second0000000001", party, 2));
        await pool.ReleasePanelAsync("att_first00000000001");
        Assert.Equal(2, (await pool.EnsurePanelAsync("att_second0000000001", party, 2)).Count);
    }
}
