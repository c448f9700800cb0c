using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public class AssessmentPolicyRulesTests
{
    private static readonly Rubric Rubric = new([Rubrics.Criterion("C1", 1, ("No", 0), ("Yes", 2)), Rubrics.Criterion("R1", 1, ("No", 0), ("Yes", 2))], 60);

    private static void Refused(AssessmentPolicy policy, string field)
    {
        var error = Assert.Throws<CertGridException>(() => AssessmentPolicyRules.Validate(policy, Rubric));
        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_default_policy_is_valid_and_unchanged()
    {
        Assert.Equal(AssessmentPolicy.Default, AssessmentPolicyRules.Validate(AssessmentPolicy.Default, Rubric) with { ReflectivePrompts = AssessmentPolicy.Default.ReflectivePrompts });
    }

    [Fact]
    public void Every_number_is_bounded_and_named_in_the_error()
    {
        var d = AssessmentPolicy.Default;
        Refused(d with { Consensus = d.Consensus with { TolerancePoints = 101 } }, "input.consensus.tolerancePoints");
        Refused(d with { Consensus = d.Consensus with { MaxAdditionalEvaluators = 9 } }, "input.consensus.maxAdditionalEvaluators");
        Refused(d with { Retake = d.Retake with { MaxAttemptsPerPeriod = 0 } }, "input.retake.maxAttemptsPerPeriod");
        Refused(d with { Retake = d.Retake with { CooldownDaysAfterFail = -1 } }, "input.retake.cooldownDaysAfterFail");
        Refused(d with { Retake = d.Retake with { RemediationAfterFails = 0 } }, "input.retake.remediationAfterFails");
        Refused(d with { ReviewDeadlineDays = 0 }, "input.reviewDeadlineDays");
        Refused(d with { AppealWindowDays = 400 }, "input.appealWindowDays");
        Refused(d with { RequiredLanguage = "english!" }, "input.requiredLanguage");
        Refused(d with { Booking = d.Booking with { MaxActiveBookings = 0 } }, "input.booking.maxActiveBookings");
        Refused(d with { Expertise = (ExpertiseMatch)42 }, "input.expertise");
    }

    [Fact]
    public void Reflective_prompts_must_be_scored_under_a_criterion_of_the_rubric()
    {
        var prompt = new ReflectivePrompt("TRADEOFFS", "What trade-offs did you make?", "R1", 50);
        var valid = AssessmentPolicyRules.Validate(AssessmentPolicy.Default with { ReflectivePrompts = [prompt] }, Rubric);
        Assert.Equal([prompt], valid.ReflectivePrompts);

        var error = Assert.Throws<CertGridException>(() => AssessmentPolicyRules.Validate(AssessmentPolicy.Default with { ReflectivePrompts = [prompt with { CriterionCode = "ZZ" }] }, Rubric));
        Assert.Contains("C1, R1", error.Message, StringComparison.Ordinal);
        Refused(AssessmentPolicy.Default with { ReflectivePrompts = [prompt, prompt with { Code = "tradeoffs" }] }, "input.reflectivePrompts.code");
        Refused(AssessmentPolicy.Default with { ReflectivePrompts = [prompt with { Prompt = " " }] }, "input.reflectivePrompts[0].prompt");
    }

    [Theory]
    [InlineData("EN", "en")]
    [InlineData(" pt-BR ", "pt-br")]
    [InlineData("fr", "fr")]
    public void Languages_are_normalised(string given, string stored)
    {
        Assert.Equal(stored, AssessmentPolicyRules.Validate(AssessmentPolicy.Default with { RequiredLanguage = given }, Rubric).RequiredLanguage);
    }
}
