using System.Globalization;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Renewals;

/// <summary>A lifespan policy in the words of a credential's published policy document (renewal and lifespan sections).</summary>
public static class LifespanPolicyText
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections(LifespanPolicy policy) => new Dictionary<string, IReadOnlyList<string>>
    {
        [PolicyDocumentWriter.Renewal] = Renewal(policy),
        [PolicyDocumentWriter.Lifespan] = Lifespan(policy),
    };

    private static List<string> Renewal(LifespanPolicy policy)
    {
        var reminders = RenewalTimeline.Reminders.Where(r => r.DaysBeforeExpiry < policy.RenewalWindowDays).Select(r => Number(r.DaysBeforeExpiry)).ToList();
        var lines = new List<string>
        {
            $"Renewal opens {Days(policy.RenewalWindowDays)} before the credential expires" +
            (reminders.Count > 0 ? $"; reminders follow {string.Join(" and ", reminders)} days before expiry." : "."),
        };
        var ce = policy.ContinuingEducation;
        if (ce.CreditsPerCycle > 0)
        {
            var minimums = ce.CategoryMinimums.Select(m => $"{Number(m.Credits)} in {m.Category}").ToList();
            lines.Add($"Each cycle needs {Number(ce.CreditsPerCycle)} continuing-education credits{(minimums.Count > 0 ? $", at least {string.Join(" and ", minimums)}" : string.Empty)}.");
        }

        lines.Add(policy.Evidence switch
        {
            RenewalEvidence.PortfolioArtifact => "Renewal also needs a portfolio artifact, accepted by the community's admins.",
            RenewalEvidence.Reassessment => "Renewal also needs a passed assessment of this credential, submitted once renewal has opened.",
            _ => ce.CreditsPerCycle > 0 ? "No other evidence is needed." : "Renewal needs no credits or evidence: the holder asks for it.",
        });
        lines.Add("A renewed credential is re-issued with a new validity period; the one it replaces stays on record as replaced.");
        return lines;
    }

    private static List<string> Lifespan(LifespanPolicy policy)
    {
        var lines = new List<string>
        {
            policy.GraceDays > 0
                ? $"At expiry the credential is suspended for a grace period of {Days(policy.GraceDays)}, during which it can still be renewed."
                : "At expiry the credential stops being valid; there is no grace period.",
        };
        var lapse = policy.LapseAction == LapseAction.Revoke ? "it is revoked" : "it stays on record as expired";
        lines.Add(policy.LapseAfterDays > 0
            ? $"It can still be renewed for {Days(policy.LapseAfterDays)} after the grace period; then it lapses: {lapse}, and only a new certification replaces it."
            : $"When the grace period ends without a renewal, the credential lapses: {lapse}, and only a new certification replaces it.");
        return lines;
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString("N0", CultureInfo.InvariantCulture)} days";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
