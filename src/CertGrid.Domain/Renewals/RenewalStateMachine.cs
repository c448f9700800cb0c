using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Renewals;

/// <summary>
/// Moves a tracked credential along its timeline. Milestones are reached in order once their time has come,
/// never twice, so applying the same step again changes nothing. When several are reached at once (after
/// downtime), every one takes effect, but a reminder overtaken by a later milestone is not sent: the holder is
/// told about expiry and lapse, not reminded of a deadline already past.
/// </summary>
public static class RenewalStateMachine
{
    private const RenewalMilestone StatusChanges = RenewalMilestone.Expired | RenewalMilestone.Lapsed;

    public static RenewalStage StageOf(RenewalMilestone reached, bool renewed, bool closed) =>
        renewed ? RenewalStage.Renewed
        : closed ? RenewalStage.Closed
        : reached.HasFlag(RenewalMilestone.Lapsed) ? RenewalStage.Lapsed
        : reached.HasFlag(RenewalMilestone.Expired) ? RenewalStage.Expired
        : reached.HasFlag(RenewalMilestone.WindowOpened) ? RenewalStage.RenewalOpen
        : RenewalStage.Active;

    /// <summary>Every milestone due at <paramref name="now"/> and not yet reached, which of them to notify, and what comes next.</summary>
    public static RenewalStep Advance(RenewalTimeline timeline, RenewalMilestone reached, DateTimeOffset now)
    {
        var newly = timeline.Milestones.Where(m => !reached.HasFlag(m.Milestone) && m.At <= now).Select(m => m.Milestone).ToList();
        var after = newly.Aggregate(reached, (flags, m) => flags | m);
        var last = newly.Count > 0 ? newly[^1] : RenewalMilestone.None;
        var notify = newly.Where(m => (StatusChanges & m) != 0 || m == last).ToList();
        return new RenewalStep(after, newly, notify, timeline.Next(after));
    }

    /// <summary>Throws the reason a credential in <paramref name="stage"/> cannot be renewed now; returns if it can.</summary>
    public static void RequireRenewable(RenewalStage stage, RenewalTimeline timeline, bool hasPolicy)
    {
        if (Blocker(stage, timeline, hasPolicy) is { } blocker)
        {
            throw stage == RenewalStage.Closed ? CertGridException.Conflict(blocker.Message) : CertGridException.Policy(blocker.Message);
        }
    }

    /// <summary>Why the stage alone prevents renewing, or null when it allows it.</summary>
    public static MissingItem? Blocker(RenewalStage stage, RenewalTimeline timeline, bool hasPolicy) => stage switch
    {
        RenewalStage.Closed => new(MissingItem.Closed, "This credential was revoked, so it cannot be renewed."),
        RenewalStage.Renewed => new(MissingItem.AlreadyRenewed, "This credential was already renewed; renew the credential that replaced it."),
        RenewalStage.Lapsed => new(MissingItem.Lapsed, $"This credential lapsed on {Day(timeline.LapsesAt ?? timeline.ExpiresAt)}; a full re-certification is required."),
        _ when !hasPolicy => new(MissingItem.NoPolicy, "This credential has no lifespan policy, so it cannot be renewed; it must be earned again once it expires."),
        RenewalStage.Active => new(MissingItem.WindowNotOpen, $"The renewal window opens on {Day(timeline.WindowOpensAt!.Value)}."),
        _ => null,
    };

    internal static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The result of advancing: the milestones reached now (in order), those to notify, and the next one.</summary>
public sealed record RenewalStep(
    RenewalMilestone Reached,
    IReadOnlyList<RenewalMilestone> NewlyReached,
    IReadOnlyList<RenewalMilestone> Notify,
    DatedMilestone? Next);
