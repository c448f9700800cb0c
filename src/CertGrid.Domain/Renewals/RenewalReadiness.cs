using System.Globalization;
using CertGrid.Domain.ContinuingEducation;

namespace CertGrid.Domain.Renewals;

/// <summary>
/// Whether a credential can be renewed now and, if not, exactly what is missing. Only verified credits whose
/// activity falls in the credential's cycle count; self-reported ones are shown as pending.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-readiness")]
public sealed record RenewalReadiness(
    [property: Id(0)] bool Ready,
    [property: Id(1)] decimal CreditsRequired,
    [property: Id(2)] decimal CreditsVerified,
    [property: Id(3)] decimal CreditsPending,
    [property: Id(4)] IReadOnlyList<CategoryProgress> Categories,
    [property: Id(5)] RenewalEvidence EvidenceRequired,
    [property: Id(6)] RenewalEvidenceSubmission? Evidence,
    [property: Id(7)] IReadOnlyList<MissingItem> Missing,
    [property: Id(8)] CeCycle Cycle)
{
    public static RenewalReadiness Assess(
        LifespanPolicy? policy, RenewalStage stage, RenewalTimeline timeline, CeCycle cycle, IEnumerable<CeActivity> activities, RenewalEvidenceSubmission? evidence)
    {
        var missing = new List<MissingItem>();
        if (RenewalStateMachine.Blocker(stage, timeline, policy is not null) is { } blocker)
        {
            missing.Add(blocker);
        }

        var requirement = policy?.ContinuingEducation ?? CeRequirement.None;
        var counted = activities.Where(a => cycle.Contains(a.OccurredOn) && a.Verification != CreditVerification.Rejected).ToList();
        var verified = counted.Where(a => a.Verification == CreditVerification.Verified).Sum(a => a.Credits);
        var pending = counted.Where(a => a.Verification == CreditVerification.SelfReported).Sum(a => a.Credits);
        if (verified < requirement.CreditsPerCycle)
        {
            var more = requirement.CreditsPerCycle - verified;
            missing.Add(new(MissingItem.CreditsShort,
                $"{N(more)} more verified credits are needed ({N(verified)} of {N(requirement.CreditsPerCycle)} verified{Pending(pending)}).", null, more));
        }

        var categories = requirement.CategoryMinimums.Select(minimum =>
        {
            var inCategory = counted.Where(a => a.Category == minimum.Category).ToList();
            return new CategoryProgress(minimum.Category, minimum.Credits,
                inCategory.Where(a => a.Verification == CreditVerification.Verified).Sum(a => a.Credits),
                inCategory.Where(a => a.Verification == CreditVerification.SelfReported).Sum(a => a.Credits));
        }).ToList();
        foreach (var category in categories.Where(c => c.Verified < c.Required))
        {
            var more = category.Required - category.Verified;
            missing.Add(new(MissingItem.CategoryShort,
                $"{N(more)} more verified credits in '{category.Category}' are needed ({N(category.Verified)} of {N(category.Required)}{Pending(category.Pending)}).",
                category.Category, more));
        }

        var required = policy?.Evidence ?? RenewalEvidence.None;
        if (required != RenewalEvidence.None && EvidenceGap(required, evidence) is { } gap)
        {
            missing.Add(gap);
        }

        return new RenewalReadiness(missing.Count == 0, requirement.CreditsPerCycle, verified, pending, categories, required, evidence, missing, cycle);
    }

    private static MissingItem? EvidenceGap(RenewalEvidence required, RenewalEvidenceSubmission? evidence) => evidence switch
    {
        null => new(MissingItem.EvidenceMissing, required == RenewalEvidence.PortfolioArtifact
            ? "Renewal evidence is needed: offer a portfolio artifact for review."
            : "A reassessment is needed: pass an attempt at this credential after the renewal window opens and offer it as renewal evidence."),
        { Status: EvidenceStatus.InReview } => new(MissingItem.EvidenceInReview, "Your renewal evidence is waiting for an admin's review."),
        { Status: EvidenceStatus.Rejected } => new(MissingItem.EvidenceRejected,
            $"Your renewal evidence was rejected ({evidence.Reason}); offer new evidence."),
        _ => null,
    };

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Pending(decimal pending) => pending > 0 ? $"; {N(pending)} more await verification" : string.Empty;
}
