using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Relationships;

namespace CertGrid.Domain.Tests.Evaluators;

/// <summary>
/// Over many Bogus-generated communities (organisations, evaluators who are also learners, shared emails, declared
/// relationships, cohorts, earlier failed reviewers, leave, capacity, expertise, languages), no pick ever breaks a rule,
/// checked by an oracle written independently of the rules, and the pick is as large as the eligible pool allows.
/// </summary>
public class AssignmentPropertyTests
{
    private static readonly string[] Competencies = ["OBS-1", "INC-1", "PM-1", "CAP-1"];
    private static readonly string[] Languages = ["en", "fr", "de", "pt-br"];

    [Fact]
    public void No_assignment_in_many_random_communities_violates_a_conflict_or_eligibility_rule()
    {
        var faker = new Faker { Random = new Randomizer(20261129) };
        var picks = 0;
        for (var community = 0; community < 400; community++)
        {
            var world = RandomCommunity(faker);
            foreach (var learner in world.Learners.Take(5))
            {
                var context = world.ContextFor(learner, faker);
                var requirements = new PanelRequirements(faker.Random.ListItems(Competencies, faker.Random.Int(1, 3)).ToList(),
                    faker.PickRandom<ExpertiseMatch>(), faker.Random.Bool(0.3f) ? faker.PickRandom(Languages) : null, world.Now);
                var onPanel = faker.Random.ListItems(world.Evaluators, faker.Random.Int(0, 1)).Select(e => e.EvaluatorId).ToList();
                var wanted = faker.Random.Int(1, 4);

                var pick = EvaluatorSelection.Pick(world.Evaluators, learner, context, requirements, onPanel, [], wanted, new Random(community));

                var allowed = world.Evaluators.Where(e => !onPanel.Contains(e.EvaluatorId) && Oracle(e, learner, context, requirements) is null).ToList();
                Assert.Equal(Math.Min(wanted, allowed.Count), pick.Picked.Count);
                foreach (var assignment in pick.Picked)
                {
                    var evaluator = world.Evaluators.Single(e => e.EvaluatorId == assignment.EvaluatorId);
                    Assert.True(Oracle(evaluator, learner, context, requirements) is null,
                        $"community {community}: {evaluator.EvaluatorId} was assigned although it {Oracle(evaluator, learner, context, requirements)}");
                    Assert.DoesNotContain(evaluator.EvaluatorId, onPanel);
                    picks++;
                }

                Assert.All(pick.PassedOver, p => Assert.NotNull(Oracle(world.Evaluators.Single(e => e.EvaluatorId == p.EvaluatorId), learner, context, requirements)));
            }
        }

        Assert.True(picks > 1000, $"only {picks} assignments were exercised");
    }

    /// <summary>The rules restated plainly, independent of <see cref="ConflictOfInterest"/> and <see cref="EvaluatorEligibility"/>.</summary>
    private static string? Oracle(EvaluatorCandidate e, AssessedParty learner, ConflictContext context, PanelRequirements requirements)
    {
        if (e.LinkedLearnerId == learner.LearnerId) return "is the learner";
        if (e.Email.Equals(learner.Email, StringComparison.OrdinalIgnoreCase)) return "shares the email";
        if (context.ExcludeSameOrganisation && e.Organisation is not null && learner.Organisation is not null
            && e.Organisation.Trim().Equals(learner.Organisation.Trim(), StringComparison.OrdinalIgnoreCase)) return "shares the organisation";
        if (context.Relationships.Any(r => r.Person == $"evaluator:{e.EvaluatorId}" || (e.LinkedLearnerId is not null && r.Person == $"learner:{e.LinkedLearnerId}"))) return "is related";
        if (e.LinkedLearnerId is not null && context.CohortMateLearnerIds.Contains(e.LinkedLearnerId)) return "is a cohort-mate";
        if (context.Excluded.Any(x => x.EvaluatorId == e.EvaluatorId)) return "is excluded";
        if (!e.Active) return "is inactive";
        if (e.UnavailableUntil > requirements.Now) return "is on leave";
        if (e.ActiveAssignments >= e.MaxActiveAssignments) return "is full";
        var expertise = e.Expertise ?? [];
        var covered = requirements.Competencies.Count(expertise.Contains);
        if (requirements.Competencies.Count > 0 && (requirements.Expertise == ExpertiseMatch.AllCompetencies ? covered < requirements.Competencies.Count : covered == 0)) return "lacks expertise";
        if (requirements.Language is not null && !(e.Languages ?? []).Any(l => l.Equals(requirements.Language, StringComparison.OrdinalIgnoreCase))) return "lacks the language";
        return null;
    }

    private static World RandomCommunity(Faker faker)
    {
        var now = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero).AddDays(faker.Random.Int(0, 300));
        var organisations = Enumerable.Range(0, faker.Random.Int(1, 4)).Select(_ => faker.Company.CompanyName()).Distinct().ToList();
        var learners = Enumerable.Range(0, faker.Random.Int(3, 12))
            .Select(i => new AssessedParty($"lrn_{i}{faker.Random.AlphaNumeric(10)}", faker.Internet.Email().ToLowerInvariant(), faker.Random.Bool(0.15f) ? null : faker.PickRandom(organisations)))
            .ToList();
        var evaluators = Enumerable.Range(0, faker.Random.Int(2, 16)).Select(i =>
        {
            var linked = faker.Random.Bool(0.3f) ? faker.PickRandom(learners) : null;
            var max = faker.Random.Int(1, 4);
            return new EvaluatorCandidate(
                $"evl_{i}{faker.Random.AlphaNumeric(10)}",
                faker.Random.Bool(0.1f) ? faker.PickRandom(learners).Email.ToUpperInvariant() : faker.Internet.Email(),
                faker.Random.Bool(0.15f) ? null : (faker.Random.Bool() ? " " : string.Empty) + faker.PickRandom(organisations).ToUpperInvariant(),
                linked?.LearnerId,
                faker.Random.Int(0, max),
                max,
                faker.Random.Bool(0.9f),
                faker.Random.ListItems(Competencies, faker.Random.Int(0, Competencies.Length)).ToList(),
                faker.Random.ListItems(Languages, faker.Random.Int(0, 2)).Select(l => faker.Random.Bool() ? l.ToUpperInvariant() : l).ToList(),
                faker.Random.Bool(0.2f) ? now.AddDays(faker.Random.Int(-10, 10)) : null,
                faker.Random.Int(0, 3));
        }).ToList();
        var people = learners.Select(l => PersonRef.Learner(l.LearnerId)).Concat(evaluators.Select(e => PersonRef.Evaluator(e.EvaluatorId))).ToList();
        var relationships = Enumerable.Range(0, faker.Random.Int(0, 12))
            .Select(_ => (Learner: faker.PickRandom(learners).LearnerId, Other: faker.PickRandom(people), Kind: faker.PickRandom<RelationshipKind>()))
            .ToList();
        var cohorts = Enumerable.Range(0, faker.Random.Int(0, 3)).Select(_ => faker.Random.ListItems(learners, faker.Random.Int(2, learners.Count)).Select(l => l.LearnerId).ToList()).ToList();
        return new World(now, learners, evaluators, relationships, cohorts);
    }

    private sealed record World(
        DateTimeOffset Now,
        List<AssessedParty> Learners,
        List<EvaluatorCandidate> Evaluators,
        List<(string Learner, string Other, RelationshipKind Kind)> Relationships,
        List<List<string>> Cohorts)
    {
        public ConflictContext ContextFor(AssessedParty learner, Faker faker) => new(
            Relationships.Where(r => r.Learner == learner.LearnerId).Select(r => new RelatedPerson(r.Other, r.Kind)).ToList(),
            Cohorts.Where(c => c.Contains(learner.LearnerId)).SelectMany(c => c).Distinct().ToList(),
            faker.Random.ListItems(Evaluators, faker.Random.Int(0, 2)).Select(e => new ExcludedEvaluator(e.EvaluatorId, "reviewed the learner's failed attempt")).ToList(),
            faker.Random.Bool(0.8f));
    }
}
