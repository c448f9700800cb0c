using CertGrid.Domain.Integrity;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// One community's program analytics for one period, kept up to date one event at a time. Everything here is a
/// count, a sum or a bounded histogram keyed by things a community has few of (credentials, criteria, cohorts,
/// organisations, evaluators, CE categories), so the state does not grow with the number of reviews, and periods
/// add up (<see cref="AddFrom"/>) to answer any window of months.
/// </summary>
[GenerateSerializer, Alias("certgrid.period-analytics")]
public sealed class PeriodAnalytics
{
    /// <summary>The fairness group of decisions whose learner was erased (their organisation is not kept).</summary>
    public const string ErasedGroup = "(erased)";

    /// <summary>How many recent event ids are remembered to drop a redelivered event (redelivery follows within minutes).</summary>
    public const int RememberedEvents = 2_000;

    [Id(0)] public int Applications { get; set; }

    [Id(1)] public int AttemptsSubmitted { get; set; }

    [Id(2)] public OutcomeTally FirstAttempts { get; set; } = new();

    [Id(3)] public OutcomeTally LaterAttempts { get; set; } = new();

    /// <summary>Certifications by whole days from submission to the passing decision (capped at 365).</summary>
    [Id(4)] public int[] DaysToCertification { get; set; } = new int[366];

    [Id(5)] public int AppealsFiled { get; set; }

    [Id(6)] public int AppealsOverturned { get; set; }

    [Id(7)] public int AppealsUpheld { get; set; }

    [Id(8)] public Dictionary<RenewalMilestone, int> Renewals { get; set; } = [];

    [Id(9)] public Dictionary<string, double> CeCredits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per evaluator: deviations from their panels, reviews and overdue reviews.</summary>
    [Id(10)] public Dictionary<string, DeviationTally> Evaluators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per dimension, per group: decided outcomes (or reviews, for the evaluator dimensions).</summary>
    [Id(11)] public Dictionary<FairnessDimension, Dictionary<string, OutcomeTally>> Groups { get; set; } = [];

    /// <summary>Per "credential/criterion": the patterns of levels the panels gave.</summary>
    [Id(12)] public Dictionary<string, PatternTally> Reliability { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per "cohort/criterion": decided levels below the passing level, and all decided levels (training gaps).</summary>
    [Id(13)] public Dictionary<string, int[]> Gaps { get; set; } = new(StringComparer.Ordinal);

    [Id(14)] public List<string> RecentEventIds { get; set; } = [];

    /// <summary>Per "credential/criterion", per pair of evaluators ("first|second", ordinal order): their agreement table.</summary>
    [Id(15)] public Dictionary<string, Dictionary<string, PairTally>> Pairs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per demographic attribute, per declared value: decided outcomes of learners who declared it (counts only).</summary>
    [Id(16)] public Dictionary<string, Dictionary<string, OutcomeTally>> Declared { get; set; } = new(StringComparer.Ordinal);

    [NonSerialized]
    private HashSet<string>? recent;

    /// <summary>Whether the event was counted here already (among the <see cref="RememberedEvents"/> latest at least).</summary>
    public bool HasCounted(string eventId)
    {
        recent ??= new HashSet<string>(RecentEventIds, StringComparer.Ordinal);
        return recent.Contains(eventId);
    }

    /// <summary>Counts the event unless it was already counted; returns whether it changed anything.</summary>
    public bool Apply(AnalyticsEvent analyticsEvent)
    {
        ArgumentNullException.ThrowIfNull(analyticsEvent);
        if (HasCounted(analyticsEvent.EventId))
        {
            return false;
        }

        switch (analyticsEvent)
        {
            case AttemptSubmitted submitted:
                AttemptsSubmitted++;
                Applications += submitted.AttemptNumber == 1 ? 1 : 0;
                break;
            case AttemptDecided decided:
                ApplyDecision(decided);
                break;
            case AppealRecorded { Decided: false }:
                AppealsFiled++;
                break;
            case AppealRecorded appeal:
                AppealsOverturned += appeal.Overturned ? 1 : 0;
                AppealsUpheld += appeal.Overturned ? 0 : 1;
                break;
            case ReviewOverdue overdue:
                Evaluator(overdue.EvaluatorId).Overdue++;
                break;
            case RenewalRecorded renewal:
                Renewals[renewal.Milestone] = Renewals.GetValueOrDefault(renewal.Milestone) + 1;
                break;
            case CeCreditsRecorded credits:
                CeCredits[credits.Category] = CeCredits.GetValueOrDefault(credits.Category) + credits.Credits;
                break;
            case LearnerOrganisationErased erased:
                ForgetOrganisation(erased);
                break;
        }

        RecentEventIds.Add(analyticsEvent.EventId);
        (recent ??= new HashSet<string>(RecentEventIds, StringComparer.Ordinal)).Add(analyticsEvent.EventId);
        if (RecentEventIds.Count > RememberedEvents * 2)
        {
            RecentEventIds.RemoveRange(0, RecentEventIds.Count - RememberedEvents);
            recent = null;
        }

        return true;
    }

    /// <summary>Adds another period's figures to these (to answer a window of several periods).</summary>
    public void AddFrom(PeriodAnalytics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Applications += other.Applications;
        AttemptsSubmitted += other.AttemptsSubmitted;
        FirstAttempts.AddFrom(other.FirstAttempts);
        LaterAttempts.AddFrom(other.LaterAttempts);
        for (var day = 0; day < DaysToCertification.Length; day++)
        {
            DaysToCertification[day] += other.DaysToCertification[day];
        }

        AppealsFiled += other.AppealsFiled;
        AppealsOverturned += other.AppealsOverturned;
        AppealsUpheld += other.AppealsUpheld;
        foreach (var (milestone, count) in other.Renewals)
        {
            Renewals[milestone] = Renewals.GetValueOrDefault(milestone) + count;
        }

        foreach (var (category, credits) in other.CeCredits)
        {
            CeCredits[category] = CeCredits.GetValueOrDefault(category) + credits;
        }

        foreach (var (id, tally) in other.Evaluators)
        {
            Evaluator(id).AddFrom(tally);
        }

        foreach (var (dimension, groups) in other.Groups)
        {
            foreach (var (group, tally) in groups)
            {
                Group(dimension, group).AddFrom(tally);
            }
        }

        foreach (var (key, tally) in other.Reliability)
        {
            Patterns(key).AddFrom(tally);
        }

        foreach (var (attribute, groups) in other.Declared)
        {
            foreach (var (value, tally) in groups)
            {
                DeclaredGroup(attribute, value).AddFrom(tally);
            }
        }

        foreach (var (key, pairs) in other.Pairs)
        {
            foreach (var (pair, tally) in pairs)
            {
                Pair(key, pair).AddFrom(tally);
            }
        }

        foreach (var (key, gap) in other.Gaps)
        {
            Gap(key)[0] += gap[0];
            Gap(key)[1] += gap[1];
        }
    }

    private void ApplyDecision(AttemptDecided decided)
    {
        (decided.AttemptNumber <= 1 ? FirstAttempts : LaterAttempts).Add(decided.Percent, decided.Passed);
        if (decided.Passed)
        {
            DaysToCertification[Math.Clamp((int)(decided.At - decided.SubmittedAt).TotalDays, 0, 365)]++;
        }

        Group(FairnessDimension.LearnerOrganisation, decided.LearnerOrganisation).Add(decided.Percent, decided.Passed);
        Group(FairnessDimension.Language, decided.Language).Add(decided.Percent, decided.Passed);
        Group(FairnessDimension.Cohort, decided.Cohort).Add(decided.Percent, decided.Passed);
        foreach (var declared in decided.Declared ?? [])
        {
            DeclaredGroup(declared.Attribute, declared.Value).Add(decided.Percent, decided.Passed);
        }

        foreach (var review in decided.Reviews)
        {
            Group(FairnessDimension.EvaluatorOrganisation, review.EvaluatorOrganisation).Add(review.Percent, review.Passed);
            Group(FairnessDimension.Evaluator, review.EvaluatorId).Add(review.Percent, review.Passed);
            Evaluator(review.EvaluatorId).Reviews++;
        }

        var reviews = decided.Reviews.Select(r => (r.EvaluatorId, r.Percent, r.Passed)).ToList();
        foreach (var (evaluatorId, deviation) in DivergenceRule.Deviations(decided.EventId, reviews, decided.Passed))
        {
            Evaluator(evaluatorId).AddDeviation(deviation.Deviation);
        }

        foreach (var criterion in decided.Reviews.SelectMany(r => r.Levels).GroupBy(l => l.CriterionId, StringComparer.Ordinal))
        {
            if (criterion.Count() >= 2)
            {
                Patterns($"{decided.CredentialId}/{criterion.Key}").Add(criterion.Select(l => l.Level));
            }
        }

        CountPairs(decided);

        foreach (var level in decided.Decided)
        {
            var gap = Gap($"{decided.Cohort ?? "none"}/{level.CriterionId}");
            gap[0] += level.Level < level.PassingLevel ? 1 : 0;
            gap[1]++;
        }
    }

    /// <summary>Every two reviewers of the attempt add their levels on each criterion they both rated to their agreement table.</summary>
    private void CountPairs(AttemptDecided decided)
    {
        var reviews = decided.Reviews.OrderBy(r => r.EvaluatorId, StringComparer.Ordinal).ToList();
        for (var i = 0; i < reviews.Count; i++)
        {
            for (var j = i + 1; j < reviews.Count; j++)
            {
                foreach (var first in reviews[i].Levels)
                {
                    if (reviews[j].Levels.FirstOrDefault(l => l.CriterionId == first.CriterionId) is { } second)
                    {
                        Pair($"{decided.CredentialId}/{first.CriterionId}", $"{reviews[i].EvaluatorId}|{reviews[j].EvaluatorId}").Add(first.Level, second.Level);
                    }
                }
            }
        }
    }

    private OutcomeTally DeclaredGroup(string attribute, string value)
    {
        var groups = Declared.TryGetValue(attribute, out var existing) ? existing : Declared[attribute] = new Dictionary<string, OutcomeTally>(StringComparer.Ordinal);
        return groups.TryGetValue(value, out var tally) ? tally : groups[value] = new OutcomeTally();
    }

    private PairTally Pair(string criterion, string pair)
    {
        var pairs = Pairs.TryGetValue(criterion, out var existing) ? existing : Pairs[criterion] = new Dictionary<string, PairTally>(StringComparer.Ordinal);
        return pairs.TryGetValue(pair, out var tally) ? tally : pairs[pair] = new PairTally();
    }

    private void ForgetOrganisation(LearnerOrganisationErased erased)
    {
        if (!Groups.TryGetValue(FairnessDimension.LearnerOrganisation, out var groups) || !groups.TryGetValue(erased.Organisation, out var tally))
        {
            return;
        }

        tally.Remove(erased.Percent, erased.Passed);
        if (tally.Total <= 0)
        {
            groups.Remove(erased.Organisation);
        }

        Group(FairnessDimension.LearnerOrganisation, ErasedGroup).Add(erased.Percent, erased.Passed);
    }

    private DeviationTally Evaluator(string id) => Evaluators.TryGetValue(id, out var tally) ? tally : Evaluators[id] = new DeviationTally();

    private OutcomeTally Group(FairnessDimension dimension, string? group)
    {
        var groups = Groups.TryGetValue(dimension, out var existing) ? existing : Groups[dimension] = new Dictionary<string, OutcomeTally>(StringComparer.Ordinal);
        var key = string.IsNullOrEmpty(group) ? "(none)" : group;
        return groups.TryGetValue(key, out var tally) ? tally : groups[key] = new OutcomeTally();
    }

    private PatternTally Patterns(string key) => Reliability.TryGetValue(key, out var tally) ? tally : Reliability[key] = new PatternTally();

    private int[] Gap(string key) => Gaps.TryGetValue(key, out var gap) ? gap : Gaps[key] = new int[2];
}
