using System.Globalization;

namespace CertGrid.Domain.Evaluators;

/// <summary>
/// Picks independent evaluators for an attempt: active, with capacity, not conflicted, not already on the
/// panel. Among those it takes the least loaded first and prefers an organisation not yet on the panel;
/// ties are broken at random so load spreads evenly.
/// </summary>
public static class EvaluatorSelection
{
    public static IReadOnlyList<EvaluatorAssignment> Pick(
        IReadOnlyList<EvaluatorCandidate> pool,
        AssessedParty learner,
        IReadOnlyCollection<string> alreadyOnPanel,
        IReadOnlyCollection<string> panelOrganisations,
        int count,
        Random random)
    {
        var organisations = new HashSet<string>(panelOrganisations, StringComparer.OrdinalIgnoreCase);
        var eligible = pool
            .DistinctBy(c => c.EvaluatorId)
            .Where(c => c.Active && c.ActiveAssignments < c.MaxActiveAssignments)
            .Where(c => !alreadyOnPanel.Contains(c.EvaluatorId))
            .Where(c => ConflictOfInterest.Find(c, learner) is null)
            .Select(c => (Candidate: c, TieBreak: random.Next()))
            .ToList();

        var picked = new List<EvaluatorAssignment>(count);
        while (picked.Count < count && eligible.Count > 0)
        {
            var next = eligible
                .OrderBy(e => e.Candidate.Organisation is not null && organisations.Contains(e.Candidate.Organisation) ? 1 : 0)
                .ThenBy(e => e.Candidate.ActiveAssignments)
                .ThenBy(e => e.TieBreak)
                .First();
            eligible.Remove(next);
            if (next.Candidate.Organisation is not null)
            {
                organisations.Add(next.Candidate.Organisation);
            }

            picked.Add(new EvaluatorAssignment(next.Candidate.EvaluatorId, string.Create(CultureInfo.InvariantCulture,
                $"independent of the learner; {next.Candidate.ActiveAssignments} active assignment(s) of {next.Candidate.MaxActiveAssignments}; organisation '{next.Candidate.Organisation ?? "none"}'")));
        }

        return picked;
    }
}
