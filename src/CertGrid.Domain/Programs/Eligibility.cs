using System.Globalization;
using CertGrid.Domain.Cohorts;

namespace CertGrid.Domain.Programs;

/// <summary>One requirement for attempting a credential, whether the learner meets it, and from when they will.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.requirement-check")]
public sealed record RequirementCheck(
    [property: Id(0)] string Key,
    [property: Id(1)] string Description,
    [property: Id(2)] bool Met,
    [property: Id(3)] string Detail,
    [property: Id(4)] DateTimeOffset? MetFrom);

/// <summary>What the eligibility rules need to know about a learner.</summary>
public sealed record EligibilityFacts(
    DateTimeOffset EnrolledAt,
    IReadOnlyList<HeldCredential> Credentials,
    IReadOnlyList<CohortFacts> Cohorts,
    string? PinnedFrameworkVersion,
    FrameworkVersionStatus? PinnedFrameworkStatus);

/// <summary>Every requirement checked; eligible when all are met.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.eligibility-result")]
public sealed record EligibilityResult([property: Id(0)] IReadOnlyList<RequirementCheck> Checks)
{
    public bool Eligible => Checks.All(c => c.Met);

    public IReadOnlyList<RequirementCheck> Missing => Checks.Where(c => !c.Met).ToList();

    /// <summary>When every unmet requirement will be met by time alone; null when one needs the learner to act.</summary>
    public DateTimeOffset? MetFrom(DateTimeOffset now) =>
        Eligible ? now : Missing.All(c => c.MetFrom is not null) ? Missing.Max(c => c.MetFrom) : null;
}

/// <summary>
/// The eligibility rules of a credential, applied when a learner submits an attempt and shown in their progress:
/// valid prerequisite credentials, a minimum time enrolled, membership of a running cohort (when required), an
/// open assessment window while a cohort with windows runs, and a framework version that is not retired.
/// </summary>
public static class Eligibility
{
    public static EligibilityResult Evaluate(
        string definitionId, CredentialRequirements requirements, IReadOnlyDictionary<string, string> prerequisiteNames, EligibilityFacts facts, DateTimeOffset now)
    {
        var checks = new List<RequirementCheck>();
        foreach (var prerequisite in requirements.PrerequisiteIds)
        {
            var name = prerequisiteNames.GetValueOrDefault(prerequisite, prerequisite);
            var held = facts.Credentials.Where(c => c.DefinitionId == prerequisite).ToList();
            var valid = held.FirstOrDefault(c => c.IsValidAt(now));
            checks.Add(new RequirementCheck($"prerequisite:{prerequisite}", $"Holds a valid '{name}' credential", valid is not null,
                valid is not null ? $"Holds '{name}'{Until(valid.ValidUntil)}."
                : held.Count > 0 ? $"The '{name}' credential held is not valid (revoked, suspended or expired); renew or re-earn it."
                : $"Earn '{name}' first.",
                null));
        }

        if (requirements.MinimumDaysEnrolled is { } days)
        {
            var from = facts.EnrolledAt.AddDays(days);
            checks.Add(new RequirementCheck("enrolment-period", $"Enrolled for at least {days} days", now >= from,
                now >= from ? $"Enrolled since {Date(facts.EnrolledAt)}." : $"Eligible from {Date(from)}.", from));
        }

        var covering = facts.Cohorts.Where(c => c.Includes(definitionId)).ToList();
        if (requirements.RequiresCohort)
        {
            var running = covering.FirstOrDefault(c => c.IsRunningAt(now));
            var next = covering.Where(c => c.Start > now).OrderBy(c => c.Start).FirstOrDefault();
            checks.Add(new RequirementCheck("cohort", "Member of a running cohort that includes this credential", running is not null,
                running is not null ? $"In cohort '{running.Name}' until {running.EndsOn:yyyy-MM-dd}."
                : next is not null ? $"Cohort '{next.Name}' starts on {next.StartsOn:yyyy-MM-dd}."
                : "Join a cohort that includes this credential.",
                next?.Start));
        }

        var windows = covering.Where(c => c.IsRunningAt(now)).SelectMany(c => c.Windows).Where(w => w.Covers(definitionId)).ToList();
        if (windows.Count > 0)
        {
            var open = windows.FirstOrDefault(w => w.IsOpenAt(now));
            var next = windows.Where(w => w.Opens > now).OrderBy(w => w.Opens).FirstOrDefault();
            checks.Add(new RequirementCheck("assessment-window", "Submitted during an open assessment window of the cohort", open is not null,
                open is not null ? $"Window '{open.Name}' is open until {Date(open.Closes)}."
                : next is not null ? $"The next window, '{next.Name}', opens on {Date(next.Opens)}."
                : "No assessment window of the cohort is open or still to come.",
                next?.Opens));
        }

        if (facts.PinnedFrameworkStatus == FrameworkVersionStatus.Retired)
        {
            checks.Add(new RequirementCheck("framework-version", "Assessed against a framework version in force", false,
                $"Framework version {facts.PinnedFrameworkVersion} was retired; this credential can no longer be attempted.", null));
        }

        return new EligibilityResult(checks);
    }

    private static string Until(DateTimeOffset? until) => until is { } at ? $", valid until {Date(at)}" : string.Empty;

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
