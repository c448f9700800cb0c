using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Notices;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

[GenerateSerializer, Alias("certgrid.state.renewal")]
public sealed class RenewalState : DurableState
{
    [Id(0)] public string LearnerId { get; set; } = string.Empty;
    [Id(1)] public string DefinitionId { get; set; } = string.Empty;
    [Id(2)] public string AchievementName { get; set; } = string.Empty;
    [Id(3)] public string AttemptId { get; set; } = string.Empty;
    [Id(4)] public DateTimeOffset ValidFrom { get; set; }
    [Id(5)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The definition's policy as last read (on tracking and on every policy change).</summary>
    [Id(6)] public LifespanPolicy? Policy { get; set; }
    [Id(7)] public RenewalMilestone Reached { get; set; }

    /// <summary>The day bucket this credential's next deadline is registered in.</summary>
    [Id(8)] public DateOnly? ScheduledDay { get; set; }
    [Id(9)] public RenewalEvidenceSubmission? Evidence { get; set; }
    [Id(10)] public string? ReplacesCredentialId { get; set; }
    [Id(11)] public string? RenewedByCredentialId { get; set; }
    [Id(12)] public DateTimeOffset? RenewedAt { get; set; }

    /// <summary>Revoked by an admin: nothing more happens.</summary>
    [Id(13)] public bool Closed { get; set; }

    public RenewalTimeline Timeline => RenewalTimeline.For(ValidFrom, ExpiresAt, Policy);

    public bool IsTerminal => RenewedByCredentialId is not null || Closed || Reached.HasFlag(RenewalMilestone.Lapsed);

    /// <summary>The stage at <paramref name="now"/>, counting milestones due but not processed yet.</summary>
    public RenewalStage StageAt(DateTimeOffset now) => RenewalStateMachine.StageOf(
        IsTerminal ? Reached : RenewalStateMachine.Advance(Timeline, Reached, now).Reached, RenewedByCredentialId is not null, Closed);

    /// <summary>The days whose activities count toward renewing: from validity through renewal (or lapse).</summary>
    public CeCycle Cycle => new(
        DeadlineDay.Today(ValidFrom), DeadlineDay.Today(RenewedAt ?? Timeline.LapsesAt ?? ExpiresAt).AddDays(1));
}
