namespace CertGrid.Domain.Cohorts;

/// <summary>A cohort member's standing on one of the cohort's credentials: attempts submitted, and when it was earned.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.member-credential")]
public sealed record MemberCredential(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset? EarnedAt);

/// <summary>How far a cohort has come.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cohort-statistics")]
public sealed record CohortStatistics(
    [property: Id(0)] int Members,
    [property: Id(1)] int Completed,
    [property: Id(2)] double CompletionRate,
    [property: Id(3)] double? MedianDaysToCertification,
    [property: Id(4)] IReadOnlyList<CredentialStatistics> Credentials);

/// <summary>How many members earned one credential of the cohort, and how long it took them (median).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-statistics")]
public sealed record CredentialStatistics(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] int Earned,
    [property: Id(2)] int Attempted,
    [property: Id(3)] double? MedianDaysToCertification);

/// <summary>
/// Cohort statistics: a member completes the cohort by earning every one of its credentials; time to
/// certification runs from when they started (the cohort's start, or their joining if later) to the credential
/// being issued — for the cohort, to the last of its credentials.
/// </summary>
public static class CohortStatisticsRules
{
    public static CohortStatistics Compute(
        DateTimeOffset cohortStart, IReadOnlyList<string> definitionIds, IReadOnlyList<(DateTimeOffset JoinedAt, IReadOnlyList<MemberCredential> Credentials)> members)
    {
        var completedDays = new List<double>();
        var perCredential = definitionIds.ToDictionary(id => id, _ => (Earned: new List<double>(), Attempted: 0), StringComparer.Ordinal);
        foreach (var (joinedAt, credentials) in members)
        {
            var start = joinedAt > cohortStart ? joinedAt : cohortStart;
            var earned = new List<DateTimeOffset>();
            foreach (var id in definitionIds)
            {
                var credential = credentials.FirstOrDefault(c => c.DefinitionId == id);
                var entry = perCredential[id];
                if (credential is { Attempts: > 0 } || credential?.EarnedAt is not null)
                {
                    entry.Attempted++;
                }

                if (credential?.EarnedAt is { } at)
                {
                    entry.Earned.Add(Days(start, at));
                    earned.Add(at);
                }

                perCredential[id] = entry;
            }

            if (definitionIds.Count > 0 && earned.Count == definitionIds.Count)
            {
                completedDays.Add(Days(start, earned.Max()));
            }
        }

        return new CohortStatistics(
            members.Count,
            completedDays.Count,
            members.Count == 0 ? 0 : Math.Round((double)completedDays.Count / members.Count, 4),
            Median(completedDays),
            definitionIds.Select(id => new CredentialStatistics(id, perCredential[id].Earned.Count, perCredential[id].Attempted, Median(perCredential[id].Earned))).ToList());
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Days(DateTimeOffset from, DateTimeOffset to) => Math.Round(Math.Max(0, (to - from).TotalDays), 2);
}
