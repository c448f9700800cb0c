using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Notices;

namespace CertGrid.Grains.Renewals;

/// <summary>What a renewal shows: its view, and the notices it sends.</summary>
public static class RenewalViews
{
    public static RenewalView From(string credentialId, RenewalState state, DateTimeOffset now) => new(
        credentialId, state.LearnerId, state.DefinitionId, state.AchievementName, state.StageAt(now), state.Timeline, state.Reached,
        state.IsTerminal ? null : state.Timeline.Next(state.Reached)?.At, state.Policy, state.Evidence, state.ReplacesCredentialId,
        state.RenewedByCredentialId, state.RenewedAt);

    /// <summary>A notice about this credential; its id depends only on what it announces, so producing it again yields the same notice.</summary>
    public static Notice Notice(string community, string credentialId, RenewalState state, NoticeKind kind, DateTimeOffset now)
    {
        var renewBy = state.Timeline.LapsesAt;
        return new Notice(NoticeIds.For(community, credentialId, kind, state.ExpiresAt), kind, state.LearnerId, credentialId, state.DefinitionId,
            state.AchievementName, now, NoticeText.For(kind, state.AchievementName, state.ExpiresAt, renewBy, state.RenewedByCredentialId),
            state.ExpiresAt, renewBy, state.RenewedByCredentialId);
    }
}
