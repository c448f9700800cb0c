using CertGrid.Domain.Evaluators;

namespace CertGrid.Domain.Tests.Evaluators;

public class EvaluatorSelectionTests
{
    private static readonly AssessedParty Learner = new("lrn_ada", "ada@example.org", "Acme");

    private static EvaluatorCandidate Candidate(
        string id, string? organisation = null, int load = 0, int max = 5, bool active = true, string? email = null, string? linked = null) =>
        new(id, email ?? $"{id}@evaluators.example", organisation, linked, load, max, active);

    private static IReadOnlyList<EvaluatorAssignment> Pick(
        IReadOnlyList<EvaluatorCandidate> pool, int count, string[]? onPanel = null, string[]? panelOrganisations = null, int seed = 1) =>
        EvaluatorSelection.Pick(pool, Learner, onPanel ?? [], panelOrganisations ?? [], count, new Random(seed));

    private static string[] Ids(IReadOnlyList<EvaluatorAssignment> picked) => picked.Select(p => p.EvaluatorId).ToArray();

    [Fact]
    public void Pick_never_picks_the_same_evaluator_twice_even_if_the_pool_lists_them_twice()
    {
        var pool = new[] { Candidate("evl_twice"), Candidate("evl_twice"), Candidate("evl_once", load: 2) };

        Assert.Equal(["evl_twice", "evl_once"], Ids(Pick(pool, 3)));
    }

    [Fact]
    public void Pick_never_picks_the_learner_themselves()
    {
        var pool = new[] { Candidate("evl_self", linked: "lrn_ada"), Candidate("evl_other", load: 4) };

        Assert.Equal(["evl_other"], Ids(Pick(pool, 2)));
    }

    [Fact]
    public void Pick_never_picks_someone_with_the_learner_email_in_any_case()
    {
        var pool = new[] { Candidate("evl_alias", email: "ADA@Example.org"), Candidate("evl_other", load: 4) };

        Assert.Equal(["evl_other"], Ids(Pick(pool, 2)));
    }

    [Fact]
    public void Pick_skips_inactive_evaluators()
    {
        var pool = new[] { Candidate("evl_gone", active: false), Candidate("evl_here", load: 3) };

        Assert.Equal(["evl_here"], Ids(Pick(pool, 2)));
    }

    [Fact]
    public void Pick_skips_evaluators_at_or_over_capacity()
    {
        var pool = new[]
        {
            Candidate("evl_full", load: 5, max: 5),
            Candidate("evl_over", load: 7, max: 5),
            Candidate("evl_none", load: 0, max: 0),
            Candidate("evl_last_slot", load: 4, max: 5),
        };

        Assert.Equal(["evl_last_slot"], Ids(Pick(pool, 3)));
    }

    [Fact]
    public void Pick_skips_evaluators_already_on_the_panel()
    {
        var pool = new[] { Candidate("evl_a"), Candidate("evl_b", load: 2), Candidate("evl_c", load: 1) };

        Assert.Equal(["evl_c", "evl_b"], Ids(Pick(pool, 3, onPanel: ["evl_a"])));
    }

    [Fact]
    public void Pick_prefers_an_organisation_not_yet_on_the_panel_over_a_lighter_load()
    {
        var pool = new[] { Candidate("evl_same_org", "Globex", load: 0), Candidate("evl_new_org", "Initech", load: 3) };

        Assert.Equal(["evl_new_org"], Ids(Pick(pool, 1, panelOrganisations: ["globex"])));
    }

    [Fact]
    public void Pick_spreads_one_panel_across_organisations()
    {
        var pool = new[]
        {
            Candidate("evl_g1", "Globex", load: 0),
            Candidate("evl_g2", "Globex", load: 0),
            Candidate("evl_g3", "GLOBEX", load: 0),
            Candidate("evl_i1", "Initech", load: 2),
        };

        for (var seed = 0; seed < 20; seed++)
        {
            var picked = Ids(Pick(pool, 2, seed: seed));

            Assert.StartsWith("evl_g", picked[0], StringComparison.Ordinal);
            Assert.Equal("evl_i1", picked[1]);
        }
    }

    [Fact]
    public void Pick_treats_evaluators_without_an_organisation_as_independent_of_the_panel()
    {
        var pool = new[] { Candidate("evl_org", "Globex", load: 0), Candidate("evl_freelance", null, load: 2) };

        Assert.Equal(["evl_freelance", "evl_org"], Ids(Pick(pool, 2, panelOrganisations: ["Globex"])));
    }

    [Fact]
    public void Pick_prefers_the_least_loaded_evaluators()
    {
        var pool = new[] { Candidate("evl_3", load: 3), Candidate("evl_1", load: 1), Candidate("evl_4", load: 4), Candidate("evl_2", load: 2) };

        Assert.Equal(["evl_1", "evl_2", "evl_3"], Ids(Pick(pool, 3)));
    }

    [Fact]
    public void Pick_returns_fewer_than_requested_when_the_pool_is_too_small()
    {
        var pool = new[] { Candidate("evl_a"), Candidate("evl_b"), Candidate("evl_gone", active: false) };

        var picked = Pick(pool, 5);

        Assert.Equal(2, picked.Count);
        Assert.Equal(["evl_a", "evl_b"], Ids(picked).Order());
    }

    [Fact]
    public void Pick_of_none_or_from_an_empty_pool_is_empty()
    {
        Assert.Empty(Pick([Candidate("evl_a")], 0));
        Assert.Empty(Pick([], 3));
    }

    [Fact]
    public void Pick_explains_each_assignment()
    {
        var pool = new[] { Candidate("evl_a", "Globex", load: 1, max: 4), Candidate("evl_b", null, load: 2, max: 6) };

        var picked = Pick(pool, 2);

        Assert.Equal(
        [
            new EvaluatorAssignment("evl_a", "independent of the learner (not them, no declared relationship, no shared cohort, not excluded); 1 active assignment(s) of 4; organisation 'Globex' new to the panel"),
            new EvaluatorAssignment("evl_b", "independent of the learner (not them, no declared relationship, no shared cohort, not excluded); 2 active assignment(s) of 6; organisation 'none' new to the panel"),
        ], picked);
    }

    [Fact]
    public void Pick_breaks_ties_by_the_random_source_so_load_spreads()
    {
        var pool = new[] { Candidate("evl_a"), Candidate("evl_b"), Candidate("evl_c"), Candidate("evl_busy", load: 1) };
        var counts = new Dictionary<string, int>();

        for (var seed = 0; seed < 300; seed++)
        {
            var id = Assert.Single(Pick(pool, 1, seed: seed)).EvaluatorId;
            counts[id] = counts.GetValueOrDefault(id) + 1;
            Assert.Equal(id, Assert.Single(Pick(pool, 1, seed: seed)).EvaluatorId); // same seed, same pick
        }

        Assert.False(counts.ContainsKey("evl_busy"));
        Assert.All(new[] { "evl_a", "evl_b", "evl_c" }, id => Assert.InRange(counts.GetValueOrDefault(id), 60, 140));
    }

    [Fact]
    public void Pick_from_random_pools_only_ever_picks_eligible_evaluators_in_preference_order()
    {
        var faker = new Faker { Random = new Randomizer(8080) };
        for (var run = 0; run < 500; run++)
        {
            var organisations = Enumerable.Range(0, faker.Random.Int(1, 4)).Select(_ => faker.Company.CompanyName()).Distinct().ToList();
            var learner = new AssessedParty($"lrn_{faker.Random.AlphaNumeric(12)}", faker.Internet.Email().ToLowerInvariant(), faker.PickRandom(organisations));
            var pool = Enumerable.Range(0, faker.Random.Int(0, 15))
                .Select(i =>
                {
                    var max = faker.Random.Int(0, 5);
                    return new EvaluatorCandidate(
                        $"evl_{i}_{faker.Random.AlphaNumeric(6)}",
                        faker.Random.Bool(0.15f) ? Rubrics.Sloppy(faker, learner.Email).Trim() : faker.Internet.Email(),
                        faker.Random.Bool(0.2f) ? null : Rubrics.Sloppy(faker, faker.PickRandom(organisations)).Trim(),
                        faker.Random.WeightedRandom([learner.LearnerId, $"lrn_{faker.Random.AlphaNumeric(12)}", null], [0.15f, 0.15f, 0.7f]),
                        faker.Random.Int(0, max + 1),
                        max,
                        faker.Random.Bool(0.85f));
                })
                .ToList();
            var onPanel = pool.Where(_ => faker.Random.Bool(0.15f)).Select(c => c.EvaluatorId).Append("evl_not_in_pool").ToList();
            var panelOrganisations = organisations.Where(_ => faker.Random.Bool(0.3f)).ToList();
            var requested = faker.Random.Int(0, 5);

            var picked = EvaluatorSelection.Pick(pool, learner, onPanel, panelOrganisations, requested, new Random(run));

            var eligible = pool
                .Where(c => c.Active && c.ActiveAssignments < c.MaxActiveAssignments && !onPanel.Contains(c.EvaluatorId))
                .Where(c => c.LinkedLearnerId != learner.LearnerId && !string.Equals(c.Email, learner.Email, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(c => c.EvaluatorId);
            Assert.Equal(Math.Min(requested, eligible.Count), picked.Count);
            Assert.Equal(picked.Count, picked.Select(p => p.EvaluatorId).Distinct().Count());

            // Replay the panel as it fills: each pick must be one of the best remaining by (new organisation, load).
            var panel = new HashSet<string>(panelOrganisations, StringComparer.OrdinalIgnoreCase);
            var remaining = eligible.Values.ToList();
            foreach (var assignment in picked)
            {
                Assert.True(eligible.TryGetValue(assignment.EvaluatorId, out var chosen), $"run {run}: picked ineligible {assignment.EvaluatorId}");
                Assert.False(string.IsNullOrWhiteSpace(assignment.Reason));
                (int, int) Rank(EvaluatorCandidate c) => (c.Organisation is not null && panel.Contains(c.Organisation) ? 1 : 0, c.ActiveAssignments);
                Assert.True(remaining.All(c => Rank(chosen).CompareTo(Rank(c)) <= 0), $"run {run}: {chosen.EvaluatorId} was not among the best remaining");
                remaining.Remove(chosen);
                if (chosen.Organisation is not null)
                {
                    panel.Add(chosen.Organisation);
                }
            }
        }
    }
}
