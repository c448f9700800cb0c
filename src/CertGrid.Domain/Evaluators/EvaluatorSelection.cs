using System.Globalization;

namespace CertGrid.Domain.Evaluators;

/// <summary>
/// Picks independent evaluators for an attempt: eligible (active, available, with capacity, the expertise and the
/// language), not conflicted, not already on the panel. Among those it prefers an organisation not yet on the panel,
/// then the least loaded, then the fewest missed deadlines; ties are broken at random so load spreads evenly.
/// </summary>
public static class EvaluatorSelection
{
    /// <summary>The foundation selection: identity conflicts only, no requirements beyond activity and capacity.</summary>
    public static IReadOnlyList<EvaluatorAssignment> Pick(
        IReadOnlyList<EvaluatorCandidate> pool,
        AssessedParty learner,
        IReadOnlyCollection<string> alreadyOnPanel,
        IReadOnlyCollection<string> panelOrganisations,
        int count,
        Random random) =>
        Pick(pool, learner, ConflictContext.Standard with { ExcludeSameOrganisation = false }, PanelRequirements.None(DateTimeOffset.MinValue),
            alreadyOnPanel, panelOrganisations, count, random).Picked;

    public static PanelPick Pick(
        IReadOnlyList<EvaluatorCandidate> pool,
        AssessedParty learner,
        ConflictContext conflicts,
        PanelRequirements requirements,
        IReadOnlyCollection<string> alreadyOnPanel,
        IReadOnlyCollection<string> panelOrganisations,
        int count,
        Random random)
    {
        var organisations = new HashSet<string>(panelOrganisations, StringComparer.OrdinalIgnoreCase);
        var passedOver = new List<ExcludedEvaluator>();
        var eligible = new List<(EvaluatorCandidate Candidate, int TieBreak)>();
        foreach (var candidate in pool.DistinctBy(c => c.EvaluatorId).Where(c => !alreadyOnPanel.Contains(c.EvaluatorId)))
        {
            var reason = ConflictOfInterest.Find(candidate, learner, conflicts) ?? EvaluatorEligibility.Find(candidate, requirements);
            if (reason is null)
            {
                eligible.Add((candidate, random.Next()));
            }
            else
            {
                passedOver.Add(new ExcludedEvaluator(candidate.EvaluatorId, reason));
            }
        }

        var picked = new List<EvaluatorAssignment>(count);
        while (picked.Count < count && eligible.Count > 0)
        {
            var next = eligible
                .OrderBy(e => e.Candidate.Organisation is not null && organisations.Contains(e.Candidate.Organisation) ? 1 : 0)
                .ThenBy(e => e.Candidate.ActiveAssignments)
                .ThenBy(e => e.Candidate.OverdueReviews)
                .ThenBy(e => e.TieBreak)
                .First();
            eligible.Remove(next);
            var newOrganisation = next.Candidate.Organisation is null || !organisations.Contains(next.Candidate.Organisation);
            if (next.Candidate.Organisation is not null)
            {
                organisations.Add(next.Candidate.Organisation);
            }

            picked.Add(new EvaluatorAssignment(next.Candidate.EvaluatorId, Reason(next.Candidate, requirements, conflicts, newOrganisation)));
        }

        return new PanelPick(picked, passedOver);
    }

    private static string Reason(EvaluatorCandidate candidate, PanelRequirements requirements, ConflictContext conflicts, bool newOrganisation)
    {
        var parts = new List<string>
        {
            conflicts.ExcludeSameOrganisation
                ? "independent of the learner (not them, not their organisation, no declared relationship, no shared cohort, not excluded)"
                : "independent of the learner (not them, no declared relationship, no shared cohort, not excluded)",
        };
        if (requirements.Competencies.Count > 0)
        {
            var covered = requirements.Competencies.Intersect(candidate.Expertise ?? [], StringComparer.Ordinal);
            parts.Add($"expertise covers {string.Join(", ", covered)}");
        }

        if (requirements.Language is { } language)
        {
            parts.Add($"reviews in '{language}'");
        }

        if (requirements.Calibration?.Required == true && candidate.Calibration is { } calibration)
        {
            parts.Add(calibration.Reason);
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{candidate.ActiveAssignments} active assignment(s) of {candidate.MaxActiveAssignments}"));
        if (candidate.OverdueReviews > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{candidate.OverdueReviews} missed deadline(s)"));
        }

        parts.Add($"organisation '{candidate.Organisation ?? "none"}'{(newOrganisation ? " new to the panel" : string.Empty)}");
        return string.Join("; ", parts);
    }
}
