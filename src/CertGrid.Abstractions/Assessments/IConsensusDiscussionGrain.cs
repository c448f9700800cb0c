using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Assessments;

/// <summary>What the attempt hands over when its panel disagrees and a discussion opens.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.open-discussion")]
public sealed record OpenDiscussion(
    [property: Id(0)] string LeadEvaluatorId,
    [property: Id(1)] IReadOnlyList<string> PanelEvaluatorIds,
    [property: Id(2)] string Reason,
    [property: Id(3)] Rubric Rubric,
    [property: Id(4)] int? LeadDeadlineDays = null);

/// <summary>A note in a consensus discussion; <see cref="ReplyToNoteId"/> threads it under another note.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.discussion-note")]
public sealed record DiscussionNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string AuthorEvaluatorId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? ReplyToNoteId,
    [property: Id(4)] DateTimeOffset PostedAt);

/// <summary>
/// A consensus discussion among an attempt's panel, and its decision once the lead evaluator (or an admin) closed it.
/// <see cref="LeadDueAt"/> is when the lead role passes to the next panel member if the discussion is still open.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.discussion-view")]
public sealed record DiscussionView(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string LeadEvaluatorId,
    [property: Id(2)] IReadOnlyList<string> PanelEvaluatorIds,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] IReadOnlyList<DiscussionNote> Notes,
    [property: Id(6)] DiscussionDecision? Decision,
    [property: Id(7)] DateTimeOffset? ClosedAt,
    [property: Id(8)] DateTimeOffset? LeadDueAt = null,
    [property: Id(9)] IReadOnlyList<string>? RecusedEvaluatorIds = null);

/// <summary>
/// The consensus discussion of one attempt whose panel disagreed: threaded notes among the panel, closed by the lead
/// evaluator (or a community admin overriding a stalled discussion) with a recorded decision that the attempt then
/// applies. The lead role passes to the next active panel member when the lead recuses, is deactivated, or lets the
/// credential's review deadline pass. Every note, hand-over and the decision are audited. Key: <c>{community}/{attemptId}</c>.
/// </summary>
public interface IConsensusDiscussionGrain : IGrainWithStringKey
{
    /// <summary>Opens the discussion. Idempotent.</summary>
    Task<DiscussionView> OpenAsync(OpenDiscussion command);

    /// <summary>A panel member posts a note, optionally in reply to another. FORBIDDEN off the panel or after recusing; CONFLICT once closed.</summary>
    Task<DiscussionView> PostNoteAsync(string evaluatorId, string text, string? replyToNoteId);

    /// <summary>
    /// The lead evaluator closes it with a decision and rationale, and the attempt is decided. FORBIDDEN for anyone else
    /// (a deactivated lead's role passes first, possibly to the caller).
    /// </summary>
    Task<DiscussionView> CloseAsync(DiscussionDecision decision);

    /// <summary>
    /// A community admin closes the discussion with a decision and a rationale (the reason for overriding the panel),
    /// audited with the admin as actor, and the attempt is decided. CONFLICT if already closed with another decision.
    /// </summary>
    Task<DiscussionView> CloseAsAdminAsync(bool passed, string rationale, IReadOnlyList<CriterionResult>? levels, string actor);

    /// <summary>
    /// A panel member leaves the discussion with a reason (audited); a recusing lead's role passes to the next active
    /// member. POLICY_VIOLATION for the last member taking part (an admin closes it instead); CONFLICT once closed.
    /// </summary>
    Task<DiscussionView> RecuseAsync(string evaluatorId, string reason);

    /// <summary>
    /// The deadline bucket's call when the lead's deadline passed with the discussion open: the lead role passes to the
    /// next active panel member (or, with nobody else, a new period starts). One-way.
    /// </summary>
    [OneWay]
    Task LeadDeadlinePassedAsync(string leadEvaluatorId);

    /// <summary>The discussion, or null when none was opened.</summary>
    [ReadOnly]
    Task<DiscussionView?> FindAsync();

    /// <summary>Erases the text of the notes and of the decision's rationale (the assessed learner's erasure); who posted when, and the decision, stay. Idempotent.</summary>
    Task EraseNotesAsync();
}
