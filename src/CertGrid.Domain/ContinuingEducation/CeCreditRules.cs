namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// A community's rules for the credits CertGrid grants by itself: for each review an evaluator submits (to the
/// learner record linked to the evaluator) and for each mentorship a person declares. Zero turns a rule off.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-credit-rules")]
public sealed record CeCreditRules(
    [property: Id(0)] decimal CreditsPerReview,
    [property: Id(1)] string ReviewCategory,
    [property: Id(2)] decimal CreditsPerMentorship,
    [property: Id(3)] string MentoringCategory)
{
    public static CeCreditRules Default { get; } = new(1m, "evaluation", 2m, "mentoring");

    public CeCreditRules Validated(string field = "input") => new(
        CeCredits.Require(CreditsPerReview, $"{field}.creditsPerReview", min: 0m, max: 20m),
        CeCategory.Normalize(ReviewCategory, $"{field}.reviewCategory"),
        CeCredits.Require(CreditsPerMentorship, $"{field}.creditsPerMentorship", min: 0m, max: 20m),
        CeCategory.Normalize(MentoringCategory, $"{field}.mentoringCategory"));
}
