using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Evaluators;
using CertGrid.Testing;

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
        await pool.ReleasePanelsAsync(["att_first00000000001"]);
        Assert.Equal(2, (await pool.EnsurePanelAsync("att_second0000000001", party, 2)).Count);
    }

    [Fact]
    public async Task Panels_released_together_free_their_evaluators_even_when_one_row_went_already_and_a_release_repeats()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, profile) = await program.LearnerAsync();
        for (var i = 0; i < 6; i++)
        {
            await program.EvaluatorAsync(capacity: 1);
        }

        var pool = program.Pool;
        var party = new AssessedParty(learnerId, profile.Email, null);
        string[] panels = ["att_batch00000000001", "att_batch00000000002", "att_batch00000000003"];
        foreach (var panel in panels)
        {
            Assert.Equal(2, (await pool.EnsurePanelAsync(panel, party, 2)).Count);
        }

        await Assert.ThrowsAsync<CertGridException>(() => pool.EnsurePanelAsync("att_batch00000000004", party, 1));

        // Two panels in one table batch: every evaluator is free again and both rows are gone.
        await pool.ReleasePanelsAsync([panels[0], panels[1], panels[0], "att_neverstaffed0001"]);
        Assert.Null(await PanelRowAsync(program.Community, panels[0]));
        Assert.Null(await PanelRowAsync(program.Community, panels[1]));
        Assert.Equal(4, (await pool.ListAsync()).Count(e => e.ActiveAttemptIds.Count == 0));

        // A row that went behind the pool's back fails the batch; the panels are then released one by one, and the gone row counts as released.
        Assert.Equal(2, (await pool.EnsurePanelAsync("att_batch00000000005", party, 2)).Count);
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.EvaluatorsTable);
        await table.DeleteEntityAsync(program.Community, "p|" + panels[2]);
        await pool.ReleasePanelsAsync([panels[2], "att_batch00000000005"]);
        Assert.Null(await PanelRowAsync(program.Community, "att_batch00000000005"));
        Assert.All(await pool.ListAsync(), e => Assert.Empty(e.ActiveAttemptIds));
        await pool.ReleasePanelsAsync(panels);
        Assert.Equal(6, (await pool.EnsurePanelAsync("att_batch00000000006", party, 6)).Count);
    }

    [Fact]
    public async Task Staffing_and_releasing_a_panel_writes_that_panels_row_alone_and_evaluators_keep_their_own_profiles()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, profile) = await program.LearnerAsync();
        var evaluators = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            evaluators.Add(await program.EvaluatorAsync(organisation: $"Org {i % 6}"));
        }

        var pool = program.Pool;
        var assigned = await pool.EnsurePanelAsync("att_rows000000000001", new AssessedParty(learnerId, profile.Email, null), 3);
        var panelRow = await PanelRowAsync(program.Community, "att_rows000000000001");

        Assert.Null(await StoredGrainState.RowAsync(fixture.Cluster, "evaluators", pool.GetGrainId()));
        Assert.NotNull(panelRow);
        Assert.Equal(assigned.Select(a => a.EvaluatorId).Order(), panelRow.GetString("Evaluators").Split(',').Order());
        Assert.True(TableEntitySize.Of(panelRow) < 512, $"the panel row is {TableEntitySize.Of(panelRow)} bytes");
        var stored = await StoredGrainState.RowAsync(fixture.Cluster, "evaluator", fixture.Grains.GetGrain<IEvaluatorGrain>(program.Key(evaluators[0])).GetGrainId());
        Assert.NotNull(stored);
        Assert.True(TableEntitySize.Of(stored) < 2048, $"an evaluator's state is {TableEntitySize.Of(stored)} bytes");

        // A missed deadline is counted once per panel, however often the release is retried.
        var late = assigned[0].EvaluatorId;
        var evaluator = fixture.Grains.GetGrain<IEvaluatorGrain>(program.Key(late));
        await evaluator.CountSeatReleaseAsync("att_rows000000000001", SeatRelease.Overdue);
        Assert.Equal(1, (await evaluator.CountSeatReleaseAsync("att_rows000000000001", SeatRelease.Overdue)).OverdueReviews);

        await pool.ReleasePanelsAsync(["att_rows000000000001"]);
        Assert.Null(await PanelRowAsync(program.Community, "att_rows000000000001"));
        Assert.All(await pool.ListAsync(), e => Assert.Empty(e.ActiveAttemptIds));
    }

    [Fact]
    public async Task A_pool_stored_whole_before_hands_its_evaluators_and_open_panels_over_and_keeps_assigning_from_them()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (learnerId, profile) = await program.LearnerAsync();
        var pool = program.Pool;
        var (first, second, third) = (EntityId.New(IdPrefixes.Evaluator), EntityId.New(IdPrefixes.Evaluator), EntityId.New(IdPrefixes.Evaluator));
        EvaluatorRecord Record(string email, int capacity) => new()
        {
            Name = program.Faker.Name.FullName(), Email = email, Organisation = program.Faker.Company.CompanyName(), Expertise = [.. ProgramBuilder.Competencies],
            MaxActiveAssignments = capacity, RegisteredAt = fixture.Cluster.Clock.GetUtcNow(), OverdueReviews = 2,
        };
        await StoredGrainState.WriteAsync(fixture.Cluster, "evaluators", pool.GetGrainId(), new EvaluatorPoolState
        {
            Evaluators = new() { [first] = Record("first@pool.example", 1), [second] = Record("second@pool.example", 5), [third] = Record("third@pool.example", 5) },
            Panels = new() { ["att_legacy0000000001"] = [first, second] },
        });

        var everyone = await pool.ListAsync();

        Assert.Equal(new[] { first, second, third }.Order(), everyone.Select(e => e.Id).Order());
        Assert.Equal(["att_legacy0000000001"], everyone.Single(e => e.Id == first).ActiveAttemptIds);
        Assert.Equal(2, everyone.Single(e => e.Id == second).OverdueReviews);
        var duplicate = await Assert.ThrowsAsync<CertGridException>(() => program.EvaluatorAsync(email: "second@pool.example"));
        Assert.Equal(ErrorCode.Conflict, duplicate.Code);
        // The first evaluator is full (capacity 1), so a new panel of two takes the other two.
        var panel = await pool.EnsurePanelAsync("att_after00000000001", new AssessedParty(learnerId, profile.Email, null), 2);
        Assert.Equal(new[] { second, third }.Order(), panel.Select(a => a.EvaluatorId).Order());
        var state = await StoredGrainState.RowAsync(fixture.Cluster, "evaluators", pool.GetGrainId());
        Assert.True(TableEntitySize.Of(state!) < 512, "the old pool row is stored empty once handed over");
    }

    private async Task<Azure.Data.Tables.TableEntity?> PanelRowAsync(string community, string panelId)
    {
        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.EvaluatorsTable);
        var found = await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(community, "p|" + panelId);
        return found.HasValue ? found.Value : null;
    }
}
