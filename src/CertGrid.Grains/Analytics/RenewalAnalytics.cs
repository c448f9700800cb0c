using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;
using Milestone = CertGrid.Domain.Renewals.RenewalMilestone;

namespace CertGrid.Grains.Analytics;

/// <summary>What a credential's renewal counts in program analytics: due when its renewal window opens, renewed, lapsed.</summary>
internal static class RenewalAnalytics
{
    public static Effect Renewed(string credentialId, DateTimeOffset at) =>
        new CountInAnalytics(new RenewalRecorded($"{credentialId}:renewed", at, RenewalMilestone.Renewed));

    /// <summary>The analytics count for a milestone reached at <paramref name="at"/>, or null for milestones analytics do not count.</summary>
    public static Effect? Reached(string credentialId, Milestone milestone, DateTimeOffset at) => milestone switch
    {
        Milestone.WindowOpened => new CountInAnalytics(new RenewalRecorded($"{credentialId}:due", at, RenewalMilestone.Due)),
        Milestone.Lapsed => new CountInAnalytics(new RenewalRecorded($"{credentialId}:lapsed", at, RenewalMilestone.Lapsed)),
        _ => null,
    };
}
