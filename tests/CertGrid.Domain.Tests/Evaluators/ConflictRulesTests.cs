using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Relationships;

namespace CertGrid.Domain.Tests.Evaluators;

/// <summary>Each conflict-of-interest and eligibility rule on its own, with the reason it gives.</summary>
public class ConflictRulesTests
{
    private static readonly AssessedParty Learner = new("lrn_ada", "ada@example.org", "Acme");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static EvaluatorCandidate Candidate(string id = "evl_1", string? organisation = "Globex", string? linked = null) =>
        new(id, $"{id}@example.org", organisation, linked, 0, 5, true, ["OBS-1", "INC-1"], ["en"], null, 0);

    private static string? Find(EvaluatorCandidate candidate, ConflictContext? context = null) =>
        ConflictOfInterest.Find(candidate, Learner, context ?? ConflictContext.Standard);

    [Theory]
    [InlineData("Acme")]
    [InlineData(" acme ")]
    [InlineData("ACME")]
    public void The_learners_organisation_is_excluded_when_the_policy_says_so(string organisation)
    {
        Assert.Equal("is from the learner's organisation", Find(Candidate(organisation: organisation)));
        Assert.Null(Find(Candidate(organisation: organisation), ConflictContext.Standard with { ExcludeSameOrganisation = false }));
        Assert.Null(Find(Candidate(organisation: null)));
    }

    [Theory]
    [InlineData(RelationshipKind.Mentor)]
    [InlineData(RelationshipKind.Sponsor)]
    [InlineData(RelationshipKind.Friend)]
    public void A_declared_relationship_excludes_the_evaluator_directly_or_through_their_learner_record(RelationshipKind kind)
    {
        var direct = ConflictContext.Standard with { Relationships = [new RelatedPerson("evaluator:evl_1", kind)] };
        Assert.Equal($"has a declared relationship with the learner ({kind.ToString().ToLowerInvariant()})", Find(Candidate(), direct));
        var throughLearnerRecord = ConflictContext.Standard with { Relationships = [new RelatedPerson("learner:lrn_grace", kind)] };
        Assert.NotNull(Find(Candidate(linked: "lrn_grace"), throughLearnerRecord));
        Assert.Null(Find(Candidate(linked: "lrn_other"), throughLearnerRecord));
    }

    [Fact]
    public void A_cohort_mate_is_excluded()
    {
        var context = ConflictContext.Standard with { CohortMateLearnerIds = ["lrn_grace", "lrn_ada"] };
        Assert.Equal("is in a cohort with the learner", Find(Candidate(linked: "lrn_grace"), context));
        Assert.Null(Find(Candidate(), context));
    }

    [Fact]
    public void An_excluded_evaluator_carries_the_reason_they_were_excluded()
    {
        var context = ConflictContext.Standard.Excluding([new ExcludedEvaluator("evl_1", "reviewed the learner's failed attempt att_1")]);
        Assert.Equal("reviewed the learner's failed attempt att_1", Find(Candidate(), context));
        Assert.Null(Find(Candidate("evl_2"), context));
    }

    [Fact]
    public void Self_review_comes_first()
    {
        var context = ConflictContext.Standard.Excluding([new ExcludedEvaluator("evl_1", "recused")]);
        Assert.Equal("is the learner", Find(Candidate(organisation: "Acme", linked: "lrn_ada"), context));
    }

    [Fact]
    public void Eligibility_needs_activity_availability_capacity_expertise_and_language()
    {
        var requirements = new PanelRequirements(["OBS-1", "INC-1"], ExpertiseMatch.AllCompetencies, "en", Now);
        Assert.Null(EvaluatorEligibility.Find(Candidate(), requirements));
        Assert.Equal("is inactive", EvaluatorEligibility.Find(Candidate() with { Active = false }, requirements));
        Assert.Equal("is unavailable until 2026-12-01 00:00 UTC",
            EvaluatorEligibility.Find(Candidate() with { UnavailableUntil = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) }, requirements));
        Assert.Null(EvaluatorEligibility.Find(Candidate() with { UnavailableUntil = Now }, requirements));
        Assert.Equal("has no capacity left", EvaluatorEligibility.Find(Candidate() with { ActiveAssignments = 5 }, requirements));
        Assert.Equal("lacks expertise in INC-1", EvaluatorEligibility.Find(Candidate() with { Expertise = ["OBS-1"] }, requirements));
        Assert.Null(EvaluatorEligibility.Find(Candidate() with { Expertise = ["OBS-1"] }, requirements with { Expertise = ExpertiseMatch.AnyCompetency }));
        Assert.Equal("lacks expertise in OBS-1, INC-1", EvaluatorEligibility.Find(Candidate() with { Expertise = ["SEC-9"] }, requirements with { Expertise = ExpertiseMatch.AnyCompetency }));
        Assert.Equal("does not review in 'fr'", EvaluatorEligibility.Find(Candidate(), requirements with { Language = "fr" }));
        Assert.Null(EvaluatorEligibility.Find(Candidate() with { Languages = ["EN", "fr"] }, requirements with { Language = "fr" }));
    }

    [Fact]
    public void Selection_explains_who_was_passed_over()
    {
        var pool = new[] { Candidate("evl_same", "Acme"), Candidate("evl_off") with { Active = false }, Candidate("evl_ok") };
        var pick = EvaluatorSelection.Pick(pool, Learner, ConflictContext.Standard, new PanelRequirements(["OBS-1"], ExpertiseMatch.AllCompetencies, null, Now), [], [], 2, new Random(1));
        Assert.Equal("evl_ok", Assert.Single(pick.Picked).EvaluatorId);
        Assert.Contains("expertise covers OBS-1", pick.Picked[0].Reason, StringComparison.Ordinal);
        Assert.Equal("is from the learner's organisation (1); is inactive (1)", pick.Summary());
    }

    [Fact]
    public void Evaluators_who_missed_deadlines_are_chosen_last_among_equals()
    {
        var pool = new[] { Candidate("evl_late") with { OverdueReviews = 3 }, Candidate("evl_punctual") };
        for (var seed = 0; seed < 20; seed++)
        {
            var pick = EvaluatorSelection.Pick(pool, Learner, ConflictContext.Standard, PanelRequirements.None(Now), [], [], 1, new Random(seed));
            Assert.Equal("evl_punctual", pick.Picked.Single().EvaluatorId);
        }
    }
}
