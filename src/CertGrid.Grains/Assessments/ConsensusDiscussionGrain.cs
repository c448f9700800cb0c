using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// A consensus discussion among a disagreeing panel. Every note is audited with its text; the lead evaluator closes it
/// with a decision (and optionally the level on each criterion, which must agree with the decision), then the attempt
/// applies it. So that a discussion never stalls, the lead role passes to the next active panel member when the lead
/// recuses, is found deactivated, or lets the credential's review deadline pass (a deadline in the community's bucket),
/// and a community admin can close it with a decision and a reason. The attempt only ever calls <see cref="OpenAsync"/>
/// (an effect of its change), and the discussion only calls the attempt to apply a closed decision (an effect of closing
/// it), so the two never wait on each other.
/// </summary>
public sealed partial class ConsensusDiscussionGrain(
    [PersistentState("discussion", StorageNames.GrainStore)] IPersistentState<ConsensusDiscussionState> state)
    : DurableGrain<ConsensusDiscussionState>(state), IConsensusDiscussionGrain
{
    public const int MaxNotes = 500;
    public const int MinRationaleLength = 20;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private IEvaluatorPoolGrain Pool => GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community);

    public async Task<DiscussionView> OpenAsync(OpenDiscussion command)
    {
        if (!RecordExists)
        {
            State.LeadEvaluatorId = command.LeadEvaluatorId;
            State.PanelEvaluatorIds = command.PanelEvaluatorIds.ToList();
            State.Reason = command.Reason;
            State.Rubric = command.Rubric;
            State.OpenedAt = State.LeadSince = Now;
            State.LeadDeadlineDays = command.LeadDeadlineDays;
            await CommitAsync(AuditEvent(Actors.System, "discussion.opened", Key.Id, new
            {
                command.LeadEvaluatorId, command.PanelEvaluatorIds, command.Reason, leadDueAt = State.LeadDueAt,
            }));
        }

        return ToView();
    }

    public async Task<DiscussionView> PostNoteAsync(string evaluatorId, string text, string? replyToNoteId)
    {
        RequireParticipant(evaluatorId);
        RequireOpen();
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
        RequireParticipant(decision.LeadEvaluatorId);
        if (State.Decision is null && decision.LeadEvaluatorId != State.LeadEvaluatorId && !await DiscussionLead.IsActiveAsync(Pool, State.LeadEvaluatorId))
        {
            await PassLeadAsync($"the lead evaluator {State.LeadEvaluatorId} is deactivated", Actors.System);
        }

        if (decision.LeadEvaluatorId != State.LeadEvaluatorId)
        {
            throw CertGridException.Forbidden($"Only the lead evaluator ({State.LeadEvaluatorId}) or a community admin closes this discussion.");
        }

        return await RecordDecisionAsync(decision with { DecidedBy = null }, Actors.Evaluator(decision.LeadEvaluatorId));
    }

    public async Task<DiscussionView> CloseAsAdminAsync(bool passed, string rationale, IReadOnlyList<CriterionResult>? levels, string actor)
    {
        RequireExists();
        return await RecordDecisionAsync(new DiscussionDecision(State.LeadEvaluatorId, passed, rationale, levels, actor), actor);
    }

    public async Task<DiscussionView> RecuseAsync(string evaluatorId, string reason)
    {
        RequireParticipant(evaluatorId);
        RequireOpen();
        var why = InputRules.RequireText(reason, "input.reason", 1000, minLength: 10);
        if (State.PanelEvaluatorIds.Count(id => !State.Recused.Contains(id)) <= 1)
        {
            throw CertGridException.Policy("You are the last panel member in this discussion, so you cannot recuse; ask a community admin to close it.");
        }

        var next = evaluatorId == State.LeadEvaluatorId ? await DiscussionLead.NextAsync(Pool, State) : null;
        if (evaluatorId == State.LeadEvaluatorId && next is null)
        {
            throw CertGridException.Policy("No other active panel member can take over as lead, so you cannot recuse; ask a community admin to close the discussion.");
        }

        State.Recused.Add(evaluatorId);
        var events = new List<AuditEvent> { AuditEvent(Actors.Evaluator(evaluatorId), "discussion.recused", Key.Id, new { evaluatorId, reason = why }) };
        if (next is not null)
        {
            events.Add(HandOver(next, $"the lead evaluator {evaluatorId} recused", Actors.Evaluator(evaluatorId)));
        }

        await CommitAsync([.. events]);
        return ToView();
    }

    public async Task LeadDeadlinePassedAsync(string leadEvaluatorId)
    {
        if (RecordExists && State.Decision is null && leadEvaluatorId == State.LeadEvaluatorId && State.LeadDueAt is { } due && due <= Now)
        {
            await PassLeadAsync($"the lead evaluator {leadEvaluatorId} did not close the discussion by {RetakeRules.Format(due)}", Actors.System);
        }
        else if (RecordExists)
        {
            await CommitAsync(); // a deadline it no longer waits for is cancelled
        }
    }

    public Task<DiscussionView?> FindAsync() => Task.FromResult(RecordExists ? ToView() : null);

    /// <summary>Passes the lead to the next active member; with nobody to take over, the lead keeps it for a new period.</summary>
    private async Task PassLeadAsync(string why, string actor)
    {
        var next = await DiscussionLead.NextAsync(Pool, State);
        if (next is null)
        {
            State.LeadSince = Now;
            await CommitAsync(AuditEvent(actor, "discussion.lead-kept", Key.Id, new
            {
                State.LeadEvaluatorId, why, note = "no other active panel member can lead; a community admin can close the discussion", leadDueAt = State.LeadDueAt,
            }));
        }
        else
        {
            await CommitAsync(HandOver(next, why, actor));
        }
    }

    private AuditEvent HandOver(string next, string why, string actor)
    {
        var from = State.LeadEvaluatorId;
        (State.LeadEvaluatorId, State.LeadSince) = (next, Now);
        return AuditEvent(actor, "discussion.lead-passed", Key.Id, new { from, to = next, why, leadDueAt = State.LeadDueAt });
    }

    private async Task<DiscussionView> RecordDecisionAsync(DiscussionDecision decision, string actor)
    {
        if (State.Decision is null)
        {
            var rationale = InputRules.RequireText(decision.Rationale, "input.rationale", InputRules.NoteMaxLength, MinRationaleLength);
            var levels = ValidateLevels(decision);
            State.Decision = decision with { Rationale = rationale, Levels = levels };
            State.ClosedAt = Now;
            Cause(new ApplyDiscussionDecision(Key.ToString(), State.Decision));
            await CommitAsync(AuditEvent(actor, "discussion.closed", Key.Id, new
            {
                decision.Passed, rationale, levels, notes = State.Notes.Count, lead = decision.LeadEvaluatorId, byAdmin = decision.DecidedBy is not null,
            }));
        }
        else if (State.Decision.Passed != decision.Passed)
        {
            throw CertGridException.Conflict("This discussion was already closed with another decision.");
        }

        return ToView();
    }

    /// <summary>Stores the change with its effects, and keeps the lead's deadline in the bucket in line with who leads until when.</summary>
    private Task CommitAsync(params AuditEvent[] events)
    {
        if (DiscussionLead.SyncDeadline(Key.ToString(), State) is { } sync)
        {
            Cause(sync);
        }

        return events.Length > 0 || HasUnstoredEffects ? SaveAsync(events) : Task.CompletedTask;
    }

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

    private void RequireParticipant(string evaluatorId)
    {
        RequireExists();
        if (!State.PanelEvaluatorIds.Contains(evaluatorId))
        {
            throw CertGridException.Forbidden("Only the attempt's panel takes part in its consensus discussion.");
        }

        if (State.Recused.Contains(evaluatorId))
        {
            throw CertGridException.Forbidden("You recused from this discussion, so you no longer take part in it.");
        }
    }

    private void RequireOpen()
    {
        if (State.Decision is not null)
        {
            throw CertGridException.Conflict("This discussion is closed; its decision was recorded.");
        }
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Consensus discussion", Key.Id);
        }
    }

    private DiscussionView ToView() => new(Key.Id, State.LeadEvaluatorId, State.PanelEvaluatorIds.ToList(), State.Reason, State.OpenedAt,
        State.Notes.ToList(), State.Decision, State.ClosedAt, State.LeadDueAt, State.Recused.ToList());
}
