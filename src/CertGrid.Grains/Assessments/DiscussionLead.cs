using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// Who leads a consensus discussion next, and keeping the lead's deadline in the community's deadline bucket. The role
/// passes in panel order to the next member who takes part (not recused) and is active in the pool.
/// </summary>
internal static class DiscussionLead
{
    /// <summary>The panel members after the current lead, in panel order (wrapping round), who may take over the lead.</summary>
    public static async Task<string?> NextAsync(IEvaluatorPoolGrain pool, ConsensusDiscussionState state)
    {
        var active = (await pool.ListAsync()).Where(e => e.Active).Select(e => e.Id).ToHashSet();
        var panel = state.PanelEvaluatorIds;
        var from = panel.IndexOf(state.LeadEvaluatorId);
        return Enumerable.Range(1, panel.Count - 1).Select(i => panel[(from + i) % panel.Count])
            .FirstOrDefault(id => active.Contains(id) && !state.Recused.Contains(id));
    }

    public static async Task<bool> IsActiveAsync(IEvaluatorPoolGrain pool, string evaluatorId) => (await pool.GetAsync(evaluatorId)).Active;

    /// <summary>Schedules the current lead's deadline and cancels a superseded one; true when the state's record of it changed.</summary>
    public static async Task<bool> SyncDeadlineAsync(IDeadlineBucketGrain bucket, string discussionKey, ConsensusDiscussionState state)
    {
        var wanted = state.LeadDueAt is { } due ? new ScheduledDeadline(DeadlineKind.DiscussionLeadDue, discussionKey, state.LeadEvaluatorId, due) : null;
        if (wanted == state.ScheduledLeadDeadline)
        {
            return false;
        }

        if (state.ScheduledLeadDeadline is { } old && old.Token != wanted?.Token)
        {
            await bucket.CancelAsync(old.Kind, old.Target, old.Token);
        }

        if (wanted is not null)
        {
            await bucket.ScheduleAsync(wanted);
        }

        state.ScheduledLeadDeadline = wanted;
        return true;
    }
}
