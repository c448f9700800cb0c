using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Assessments;

/// <summary>What the attempt hands over when its panel disagrees and a discussion opens.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.open-discussion")]
public sealed record OpenDiscussion(
    [property: Id(0)] string LeadEvaluatorId,
    [property: Id(1)] IReadOnlyList<string> PanelEvaluatorIds,
    [property: Id(2)] string Reason,
    [property: Id(3)] Rubric Rubric);

/// <summary>A note in a consensus discussion; <see cref="ReplyToNoteId"/> threads it under another note.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.discussion-note")]
public sealed record DiscussionNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string AuthorEvaluatorId,
    [property: Id(2)] string Text,
    [property: Id(3)] string? ReplyToNoteId,
    [property: Id(4)] DateTimeOffset PostedAt);

/// <summary>A consensus discussion among an attempt's panel, and its decision once the lead evaluator closed it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.discussion-view")]
public sealed record DiscussionView(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string LeadEvaluatorId,
    [property: Id(2)] IReadOnlyList<string> PanelEvaluatorIds,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] IReadOnlyList<DiscussionNote> Notes,
    [property: Id(6)] DiscussionDecision? Decision,
    [property: Id(7)] DateTimeOffset? ClosedAt);

/// <summary>
/// The consensus discussion of one attempt whose panel disagreed: threaded notes among the panel, closed by the lead
/// evaluator with a recorded decision that the attempt then applies. Every note and the decision are audited.
/// Key: <c>{community}/{attemptId}</c>.
/// </summary>
public interface IConsensusDiscussionGrain : IGrainWithStringKey
{
    /// <summary>Opens the discussion. Idempotent.</summary>
    Task<DiscussionView> OpenAsync(OpenDiscussion command);

    /// <summary>A panel member posts a note, optionally in reply to another. FORBIDDEN off the panel; CONFLICT once closed.</summary>
    Task<DiscussionView> PostNoteAsync(string evaluatorId, string text, string? replyToNoteId);

    /// <summary>The lead evaluator closes it with a decision and rationale, and the attempt is decided. FORBIDDEN for anyone else.</summary>
    Task<DiscussionView> CloseAsync(DiscussionDecision decision);

    /// <summary>The discussion, or null when none was opened.</summary>
    [ReadOnly]
    Task<DiscussionView?> FindAsync();
}
