using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Progress;

namespace CertGrid.Domain.Tests.Progress;

public class ProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private const string Def = "def_target000001";

    private static readonly Rubric Rubric = new(
    [
        new RubricCriterion("C1", "Objectives", null, ["OBS-1"], [new("Not yet", 0, null), new("Proficient", 2, null), new("Exemplary", 3, null)]),
        new RubricCriterion("C2", "Incidents", null, ["INC-1", "OBS-1"], [new("Not yet", 0, null), new("Yes", 4, null)]),
    ], 60);

    [Fact]
    public void Results_become_the_best_level_per_competency_on_the_framework_scale()
    {
        var demonstrated = CompetencyEvidence.FromResults(Rubric, [new("C1", "proficient"), new("C2", "Yes")], ProficiencyLevel.Default, "vc_1", Def);
        Assert.Equal(["INC-1", "OBS-1"], demonstrated.Select(d => d.Code));
        var obs = demonstrated.Single(d => d.Code == "OBS-1");
        Assert.Equal((100, "Yes", "Expert"), (obs.Percent, obs.RubricLevel, obs.Proficiency));
        var partial = CompetencyEvidence.FromResults(Rubric, [new("C1", "Proficient")], ProficiencyLevel.Default, "vc_1", Def).Single();
        Assert.Equal((67, "Proficient"), (partial.Percent, partial.Proficiency));
    }

    [Theory]
    [InlineData(0, "Novice")]
    [InlineData(20, "Novice")]
    [InlineData(21, "Advanced beginner")]
    [InlineData(60, "Competent")]
    [InlineData(99, "Expert")]
    public void A_share_maps_to_equal_bands_of_the_scale(int percent, string expected) =>
        Assert.Equal(expected, CompetencyEvidence.Proficiency(ProficiencyLevel.Default, percent));

    private static EligibilityResult Eligible => new([]);

    [Fact]
    public void A_valid_credential_means_certified_with_its_expiry_as_a_deadline()
    {
        var held = new HeldCredential("vc_1", Def, "Foundations", CredentialStatus.Active, Now.AddDays(-1), Now.AddDays(30));
        var plan = ProgressPlanner.Plan(Def, Rubric, Eligible, [held], [], [], [], Now);
        Assert.Equal(PursuitStatus.Certified, plan.Status);
        Assert.Null(plan.NextEligibleAt);
        Assert.Equal("credential-expires", Assert.Single(plan.Deadlines).Kind);
    }

    [Fact]
    public void An_attempt_under_review_has_no_next_date_and_gaps_show_what_is_missing()
    {
        var demonstrated = new DemonstratedCompetency("OBS-1", "Proficient", 67, "Proficient", "vc_2", "def_other0000001");
        var plan = ProgressPlanner.Plan(Def, Rubric, Eligible, [], [new AttemptFacts("att_1", Def, "UnderReview", Now.AddDays(-2), null)], [], [demonstrated], Now);
        Assert.Equal(PursuitStatus.UnderReview, plan.Status);
        Assert.Null(plan.NextEligibleAt);
        Assert.Equal([("INC-1", true), ("OBS-1", false)], plan.Competencies.OrderBy(c => c.Code).Select(c => (c.Code, c.Gap)));
    }

    [Fact]
    public void Eligibility_dates_and_cohort_deadlines_are_reported()
    {
        var later = new RequirementCheck("enrolment-period", "Enrolled for at least 30 days", false, "Eligible from …", Now.AddDays(12));
        var cohort = new CohortFacts("coh_1", "Spring", DateOnly.FromDateTime(Now.AddDays(-5).UtcDateTime), DateOnly.FromDateTime(Now.AddDays(40).UtcDateTime), [Def],
            [new AssessmentWindow("Final", Now.AddDays(20), Now.AddDays(25), [])]);
        var plan = ProgressPlanner.Plan(Def, Rubric, new EligibilityResult([later]), [], [new AttemptFacts("att_1", Def, "Failed", Now.AddDays(-9), Now.AddDays(-3))], [cohort], [], Now);
        Assert.Equal(PursuitStatus.NotYetEligible, plan.Status);
        Assert.Equal(Now.AddDays(12), plan.NextEligibleAt);
        Assert.Equal(["window-opens", "cohort-ends"], plan.Deadlines.Select(d => d.Kind));

        var ready = ProgressPlanner.Plan(Def, Rubric, Eligible, [], [], [], [], Now);
        Assert.Equal((PursuitStatus.ReadyToAttempt, (DateTimeOffset?)Now), (ready.Status, ready.NextEligibleAt));
    }
}
