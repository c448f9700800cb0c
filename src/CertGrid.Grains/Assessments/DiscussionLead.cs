using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Scheduling;

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

    /// <summary>
    /// What schedules the current lead's deadline and cancels a superseded one, recorded in the state at once (the effect is
    /// stored with it); null when the bucket already holds exactly that.
    /// </summary>
    public static SyncDeadlines? SyncDeadline(string discussionKey, ConsensusDiscussionState state)
    {
        var wanted = state.LeadDueAt is { } due ? new ScheduledDeadline(DeadlineKind.DiscussionLeadDue, discussionKey, state.LeadEvaluatorId, due) : null;
        if (wanted == state.ScheduledLeadDeadline)
        {
            return null;
        }

        var old = state.ScheduledLeadDeadline is { } previous && previous.Token != wanted?.Token
            ? new CancelledDeadline(previous.Kind, previous.Target, previous.Token)
            : null;
        state.ScheduledLeadDeadline = wanted;
        return new SyncDeadlines(wanted is null ? [] : [wanted], old is null ? [] : [old]);
    }
}
