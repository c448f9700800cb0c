using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Programs;

public class EligibilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private const string Target = "def_target000001";
    private const string Prerequisite = "def_prereq000001";

    private static HeldCredential Held(string definition, CredentialStatus status = CredentialStatus.Active, int? daysLeft = 100) =>
        new("vc_x0000001", definition, "Foundations", status, Now.AddDays(-10), daysLeft is { } d ? Now.AddDays(d) : null);

    private static EligibilityFacts Facts(IReadOnlyList<HeldCredential>? held = null, IReadOnlyList<CohortFacts>? cohorts = null, DateTimeOffset? enrolledAt = null, FrameworkVersionStatus? pinned = null) =>
        new(enrolledAt ?? Now.AddDays(-100), held ?? [], cohorts ?? [], "1.0.0", pinned ?? FrameworkVersionStatus.Published);

    private static EligibilityResult Evaluate(CredentialRequirements requirements, EligibilityFacts facts) =>
        Eligibility.Evaluate(Target, requirements, new Dictionary<string, string> { [Prerequisite] = "Foundations" }, facts, Now);

    [Fact]
    public void No_requirements_means_eligible_now()
    {
        var result = Evaluate(CredentialRequirements.None, Facts());
        Assert.True(result.Eligible);
        Assert.Equal(Now, result.MetFrom(Now));
    }

    [Theory]
    [InlineData(CredentialStatus.Active, 10, true)]
    [InlineData(CredentialStatus.Active, null, true)]
    [InlineData(CredentialStatus.Active, -1, false)]
    [InlineData(CredentialStatus.Suspended, 10, false)]
    [InlineData(CredentialStatus.Revoked, 10, false)]
    public void A_prerequisite_must_be_held_and_valid(CredentialStatus status, int? daysLeft, bool eligible)
    {
        var result = Evaluate(new([Prerequisite], null, false), Facts([Held(Prerequisite, status, daysLeft)]));
        Assert.Equal(eligible, result.Eligible);
        Assert.Equal($"prerequisite:{Prerequisite}", Assert.Single(result.Checks).Key);
        Assert.Null(result.MetFrom(Now) is { } at && at > Now ? at : null);
    }

    [Fact]
    public void Time_enrolled_is_met_from_a_date()
    {
        var result = Evaluate(new([], 30, false), Facts(enrolledAt: Now.AddDays(-10)));
        Assert.False(result.Eligible);
        Assert.Equal(Now.AddDays(20), result.MetFrom(Now));
    }

    [Fact]
    public void A_cohort_requirement_needs_a_running_cohort_with_the_credential()
    {
        var future = new CohortFacts("coh_1", "Spring", DateOnly.FromDateTime(Now.AddDays(5).UtcDateTime), DateOnly.FromDateTime(Now.AddDays(90).UtcDateTime), [Target], []);
        var result = Evaluate(new([], null, true), Facts(cohorts: [future]));
        Assert.False(result.Eligible);
        Assert.Equal(future.Start, result.MetFrom(Now));
        var running = future with { StartsOn = DateOnly.FromDateTime(Now.AddDays(-5).UtcDateTime) };
        Assert.True(Evaluate(new([], null, true), Facts(cohorts: [running])).Eligible);
        Assert.False(Evaluate(new([], null, true), Facts(cohorts: [running with { DefinitionIds = ["def_other0000001"] }])).Eligible);
    }

    [Fact]
    public void While_a_cohort_with_windows_runs_attempts_wait_for_an_open_window()
    {
        var start = DateOnly.FromDateTime(Now.AddDays(-10).UtcDateTime);
        var end = DateOnly.FromDateTime(Now.AddDays(60).UtcDateTime);
        var next = new AssessmentWindow("Midterm", Now.AddDays(3), Now.AddDays(10), []);
        var cohort = new CohortFacts("coh_1", "Spring", start, end, [Target], [next]);
        var result = Evaluate(CredentialRequirements.None, Facts(cohorts: [cohort]));
        Assert.False(result.Eligible);
        Assert.Equal("assessment-window", Assert.Single(result.Missing).Key);
        Assert.Equal(next.Opens, result.MetFrom(Now));
        Assert.True(Evaluate(CredentialRequirements.None, Facts(cohorts: [cohort with { Windows = [next with { Opens = Now.AddDays(-1) }] }])).Eligible);
        Assert.True(Evaluate(CredentialRequirements.None, Facts(cohorts: [cohort with { Windows = [next with { DefinitionIds = ["def_other0000001"] }] }])).Eligible);
    }

    [Fact]
    public void A_retired_framework_version_blocks_attempts_for_good()
    {
        var result = Evaluate(CredentialRequirements.None, Facts(pinned: FrameworkVersionStatus.Retired));
        Assert.Equal("framework-version", Assert.Single(result.Missing).Key);
        Assert.Null(result.MetFrom(Now));
    }

    [Fact]
    public void Requirements_are_validated_for_shape()
    {
        Assert.Throws<CertGridException>(() => CredentialRequirements.Validate(new([Target], null, false), Target, "input.requirements"));
        Assert.Throws<CertGridException>(() => CredentialRequirements.Validate(new([Prerequisite, Prerequisite], null, false), Target, "input.requirements"));
        Assert.Throws<CertGridException>(() => CredentialRequirements.Validate(new(["nope"], null, false), Target, "input.requirements"));
        Assert.Throws<CertGridException>(() => CredentialRequirements.Validate(new([], 0, false), Target, "input.requirements"));
        Assert.Equal(CredentialRequirements.None, CredentialRequirements.Validate(null, Target, "x"));
    }
}
