using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Progress;

/// <summary>Where a learner stands with one credential.</summary>
public enum PursuitStatus
{
    /// <summary>Holds it, valid.</summary>
    Certified,
    /// <summary>An attempt is with the evaluators.</summary>
    UnderReview,
    /// <summary>Eligible now and not holding it.</summary>
    ReadyToAttempt,
    /// <summary>A requirement is not met yet.</summary>
    NotYetEligible,
}

/// <summary>An attempt as progress shows it.</summary>
public sealed record AttemptFacts(string AttemptId, string DefinitionId, string Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt);

/// <summary>A date that matters to a learner pursuing a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.deadline")]
public sealed record Deadline(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Description,
    [property: Id(2)] DateTimeOffset At);

/// <summary>A competency the credential assesses, and how well the learner has demonstrated it so far.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.competency-progress")]
public sealed record CompetencyProgress(
    [property: Id(0)] string Code,
    [property: Id(1)] DemonstratedCompetency? Demonstrated,
    [property: Id(2)] bool Gap);

/// <summary>What a learner needs to know about one credential they pursue.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-progress-plan")]
public sealed record CredentialProgressPlan(
    [property: Id(0)] PursuitStatus Status,
    [property: Id(1)] IReadOnlyList<RequirementCheck> Requirements,
    [property: Id(2)] IReadOnlyList<CompetencyProgress> Competencies,
    [property: Id(3)] DateTimeOffset? NextEligibleAt,
    [property: Id(4)] string NextEligibleNote,
    [property: Id(5)] IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// Computes a learner's progress on one credential from facts gathered elsewhere: eligibility, the credentials
/// they hold, their attempts, their cohorts and the competencies they demonstrated. A competency is a gap until it
/// was demonstrated at the credential's pass threshold or better.
/// </summary>
public static class ProgressPlanner
{
    public const int MaxDeadlines = 5;

    public static CredentialProgressPlan Plan(
        string definitionId, Rubric rubric, EligibilityResult eligibility, IReadOnlyList<HeldCredential> held, IReadOnlyList<AttemptFacts> attempts,
        IReadOnlyList<CohortFacts> cohorts, IReadOnlyList<DemonstratedCompetency> demonstrated, DateTimeOffset now)
    {
        var holding = held.Where(c => c.DefinitionId == definitionId && c.IsValidAt(now)).OrderByDescending(c => c.ValidUntil ?? DateTimeOffset.MaxValue).FirstOrDefault();
        var pending = attempts.FirstOrDefault(a => a.DefinitionId == definitionId && a.Status == "UnderReview");
        var status = holding is not null ? PursuitStatus.Certified
            : pending is not null ? PursuitStatus.UnderReview
            : eligibility.Eligible ? PursuitStatus.ReadyToAttempt
            : PursuitStatus.NotYetEligible;

        var best = demonstrated.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var competencies = rubric.Criteria.SelectMany(c => c.CompetencyCodes).Distinct(StringComparer.Ordinal)
            .Select(code =>
            {
                var shown = best.GetValueOrDefault(code);
                return new CompetencyProgress(code, shown, shown is null || shown.Percent < rubric.PassThresholdPercent);
            })
            .ToList();

        var (next, note) = NextEligible(status, eligibility, now);
        return new CredentialProgressPlan(status, eligibility.Checks, competencies, next, note, Deadlines(definitionId, holding, cohorts, now));
    }

    private static (DateTimeOffset? At, string Note) NextEligible(PursuitStatus status, EligibilityResult eligibility, DateTimeOffset now) => status switch
    {
        PursuitStatus.Certified => (null, "Already certified; renewal rules decide when to attempt again."),
        PursuitStatus.UnderReview => (null, "An attempt is under review; the next attempt is possible once it is decided."),
        PursuitStatus.ReadyToAttempt => (now, "Eligible now."),
        _ when eligibility.MetFrom(now) is { } at => (at, "Eligible once the dates of the unmet requirements are reached."),
        _ => (null, "Not eligible until the missing requirements are met: " + string.Join(" ", eligibility.Missing.Select(m => m.Detail))),
    };

    private static List<Deadline> Deadlines(string definitionId, HeldCredential? holding, IReadOnlyList<CohortFacts> cohorts, DateTimeOffset now)
    {
        var deadlines = new List<Deadline>();
        foreach (var cohort in cohorts.Where(c => c.Includes(definitionId) && c.End > now))
        {
            deadlines.Add(new Deadline("cohort-ends", $"Cohort '{cohort.Name}' ends.", cohort.End));
            deadlines.AddRange(cohort.Windows.Where(w => w.Covers(definitionId) && w.Closes > now).Select(w => w.IsOpenAt(now)
                ? new Deadline("window-closes", $"Assessment window '{w.Name}' closes.", w.Closes)
                : new Deadline("window-opens", $"Assessment window '{w.Name}' opens.", w.Opens)));
        }

        if (holding?.ValidUntil is { } expires && expires > now)
        {
            deadlines.Add(new Deadline("credential-expires", $"Your '{holding.Name}' credential expires.", expires));
        }

        return deadlines.OrderBy(d => d.At).Take(MaxDeadlines).ToList();
    }
}
