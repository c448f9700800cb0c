using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// A consensus discussion among a disagreeing panel. Every note is audited with its text; the lead evaluator closes it
/// with a decision (and optionally the level on each criterion, which must agree with the decision), then the attempt
/// applies it. The attempt only ever calls <see cref="OpenAsync"/>, and the discussion only calls the attempt to apply
/// a closed decision, so the two never wait on each other.
/// </summary>
public sealed class ConsensusDiscussionGrain(
    [PersistentState("discussion", StorageNames.GrainStore)] IPersistentState<ConsensusDiscussionState> state)
    : DurableGrain<ConsensusDiscussionState>(state), IConsensusDiscussionGrain
{
    public const int MaxNotes = 500;
    public const int MinRationaleLength = 20;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<DiscussionView> OpenAsync(OpenDiscussion command)
    {
        if (!RecordExists)
        {
            State.LeadEvaluatorId = command.LeadEvaluatorId;
            State.PanelEvaluatorIds = command.PanelEvaluatorIds.ToList();
            State.Reason = command.Reason;
            State.Rubric = command.Rubric;
            State.OpenedAt = Now;
            await SaveAsync(AuditEvent(Actors.System, "discussion.opened", Key.Id, new { command.LeadEvaluatorId, command.PanelEvaluatorIds, command.Reason }));
        }

        return ToView();
    }

    public async Task<DiscussionView> PostNoteAsync(string evaluatorId, string text, string? replyToNoteId)
    {
        RequireMember(evaluatorId);
        if (State.Decision is not null)
        {
            throw CertGridException.Conflict("This discussion is closed; its decision was recorded.");
        }

        var body = InputRules.RequireText(text, "input.text", InputRules.NoteMaxLength);
        if (replyToNoteId is not null && State.Notes.All(n => n.Id != replyToNoteId))
        {
            throw CertGridException.Invalid("input.replyToNoteId", $"Note '{replyToNoteId}' is not in this discussion.");
        }

        if (State.Notes.Count >= MaxNotes)
        {
            throw CertGridException.Policy($"A discussion holds at most {MaxNotes} notes; the lead evaluator should close it.");
        }

        var note = new DiscussionNote(EntityId.New(IdPrefixes.DiscussionNote), evaluatorId, body, replyToNoteId, Now);
        State.Notes.Add(note);
        await SaveAsync(AuditEvent(Actors.Evaluator(evaluatorId), "discussion.note-posted", Key.Id, new { noteId = note.Id, replyTo = replyToNoteId, text = body }));
        return ToView();
    }

    public async Task<DiscussionView> CloseAsync(DiscussionDecision decision)
    {
        RequireMember(decision.LeadEvaluatorId);
        if (decision.LeadEvaluatorId != State.LeadEvaluatorId)
        {
            throw CertGridException.Forbidden($"Only the lead evaluator ({State.LeadEvaluatorId}) closes this discussion.");
        }

        if (State.Decision is null)
        {
            var rationale = InputRules.RequireText(decision.Rationale, "input.rationale", InputRules.NoteMaxLength, MinRationaleLength);
            var levels = ValidateLevels(decision);
            State.Decision = decision with { Rationale = rationale, Levels = levels };
            State.ClosedAt = Now;
            await SaveAsync(AuditEvent(Actors.Evaluator(decision.LeadEvaluatorId), "discussion.closed", Key.Id, new
            {
                decision.Passed, rationale, levels, notes = State.Notes.Count,
            }));
        }
        else if (State.Decision.Passed != decision.Passed)
        {
            throw CertGridException.Conflict("This discussion was already closed with another decision.");
        }

        if (!State.Applied)
        {
            await GrainFactory.GetGrain<IAttemptGrain>(Key.ToString()).DecideAfterDiscussionAsync(State.Decision);
            State.Applied = true;
            await SaveAsync();
        }

        return ToView();
    }

    public Task<DiscussionView?> FindAsync() => Task.FromResult(RecordExists ? ToView() : null);

    /// <summary>Levels, if given, cover every criterion and score on the side of the threshold the decision is on.</summary>
    private List<CriterionResult>? ValidateLevels(DiscussionDecision decision)
    {
        if (decision.Levels is not { Count: > 0 } levels)
        {
            return null;
        }

        var score = RubricScoring.Score(State.Rubric, levels.Select(l => new CriterionScore(l.CriterionCode, l.Level, null)).ToList(), "input.levels");
        if (score.Passed != decision.Passed)
        {
            throw CertGridException.Invalid("input.levels",
                $"The levels recorded score {score.Percent:0.##}%, {(score.Passed ? "at or above" : "below")} the {State.Rubric.PassThresholdPercent}% threshold, which contradicts a {(decision.Passed ? "pass" : "fail")}.");
        }

        return State.Rubric.Criteria.Select(c => new CriterionResult(c.Code, c.Levels.First(l => string.Equals(l.Name, levels.First(x => x.CriterionCode == c.Code).Level.Trim(), StringComparison.OrdinalIgnoreCase)).Name)).ToList();
    }

    private void RequireMember(string evaluatorId)
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Consensus discussion", Key.Id);
        }

        if (!State.PanelEvaluatorIds.Contains(evaluatorId))
        {
            throw CertGridException.Forbidden("Only the attempt's panel takes part in its consensus discussion.");
        }
    }

    private DiscussionView ToView() => new(Key.Id, State.LeadEvaluatorId, State.PanelEvaluatorIds.ToList(), State.Reason, State.OpenedAt,
        State.Notes.ToList(), State.Decision, State.ClosedAt);
}
