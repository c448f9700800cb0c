using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// Carries out what a stored renewal change implies for other grains: suspend the credential at expiry (the status
/// list's suspension bit), revoke it or lift that suspension when it lapses, issue the replacement, record it on the
/// learner and link the old credential to it. Every call is idempotent, so a step interrupted by a crash is simply
/// done again; the effects not done yet are returned.
/// </summary>
public static class RenewalEffectRunner
{
    public static async Task<RenewalEffects> RunAsync(IGrainFactory grains, string community, string credentialId, RenewalState state)
    {
        var credential = grains.GetGrain<ICredentialGrain>(new ScopedKey(community, credentialId).ToString());
        var pending = state.PendingEffects;
        var timeline = state.Timeline;
        if (pending.HasFlag(RenewalEffects.SuspendForGrace))
        {
            if ((await credential.FindAsync())?.Status == CredentialStatus.Active)
            {
                await credential.SuspendAsync(
                    $"Expired on {Day(timeline.ExpiresAt)}; suspended during the grace period and renewable until {Day(timeline.LapsesAt ?? timeline.ExpiresAt)}.", Actors.System);
                state.SuspendedForGrace = true;
            }

            pending &= ~RenewalEffects.SuspendForGrace;
        }

        if (pending.HasFlag(RenewalEffects.ApplyLapse))
        {
            await LapseAsync(credential, state, timeline);
            pending &= ~RenewalEffects.ApplyLapse;
        }

        var replacement = state.RenewedByCredentialId;
        if (pending.HasFlag(RenewalEffects.IssueReplacement) && replacement is not null)
        {
            await ReplacementIssuer.IssueAsync(grains, community, credentialId, replacement, state);
            pending &= ~RenewalEffects.IssueReplacement;
        }

        if (pending.HasFlag(RenewalEffects.RecordReplacementOnLearner) && replacement is not null)
        {
            await grains.GetGrain<ILearnerGrain>(new ScopedKey(community, state.LearnerId).ToString()).RecordCredentialAsync(replacement);
            pending &= ~RenewalEffects.RecordReplacementOnLearner;
        }

        if (pending.HasFlag(RenewalEffects.MarkReplaced) && replacement is not null)
        {
            await credential.MarkReplacedAsync(replacement, Actors.System);
            pending &= ~RenewalEffects.MarkReplaced;
        }

        return pending;
    }

    private static async Task LapseAsync(ICredentialGrain credential, RenewalState state, RenewalTimeline timeline)
    {
        var reason = $"Lapsed on {Day(timeline.LapsesAt ?? timeline.ExpiresAt)} without renewal; a full re-certification is required.";
        var current = await credential.FindAsync();
        if (current is null)
        {
            // Nothing was issued under this id (only tracked): there is no status to change.
        }
        else if (state.Policy?.LapseAction == LapseAction.Revoke)
        {
            await credential.RevokeAsync(reason, Actors.System);
        }
        else if (state.SuspendedForGrace && current.Status == CredentialStatus.Suspended)
        {
            await credential.UnsuspendAsync(reason + " It stays on record as permanently expired.", Actors.System);
        }

        state.SuspendedForGrace = false;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
