using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Retries;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// The idempotent receiver every durable grain is (issue 14): a call that carries an operation id
/// (<see cref="RetriedOperation"/>, attached by the gateway to the calls of a mutation sent under an idempotency key)
/// and changes state stores the id in the same write as the change, together with the answer the new state gives
/// (<see cref="AnswerOfStateBeingWritten"/>); a later call with the same id (the mutation run again after its answer was lost,
/// even if the silo died right after the write) gets that answer and changes nothing. Only a call whose answer differs
/// from what its state gives at its last write needs a second write for its answer.
/// </summary>
public abstract partial class DurableGrain<TState> : IIncomingGrainCallFilter
{
    private static readonly AsyncLocal<RunningOperation?> Running = new();

    private OperationAnswers Answers => field ??= ServiceProvider.GetRequiredService<OperationAnswers>();

    /// <summary>The answer <see cref="SaveAnsweringAsync{T}"/> is saving with its change, while it saves.</summary>
    private object? _answerBeingSaved;

    /// <summary><see cref="SaveBeforeAnswerAsync"/> is saving: its write does not record the running operation.</summary>
    private bool _savingBeforeAnswer;

    /// <summary>
    /// Saves the change with <paramref name="answer"/> as its call's answer, for an answer no state read gives (a one-time
    /// secret, the record a call just added): a call under an operation id stores it (encrypted) in the change's own
    /// write, so a run again after a lost answer gets it, even if the silo died right after the write.
    /// </summary>
    protected Task<T> SaveAnsweringAsync<T>(T answer, params AuditEvent[] events)
        where T : notnull => AnsweringAsync(answer, () => SaveAsync(events));

    /// <summary>As <see cref="SaveAnsweringAsync{T}"/>, returning once the write is stored, as <see cref="SaveAndReplyAsync"/> does.</summary>
    protected Task<T> SaveAndReplyAnsweringAsync<T>(T answer, params AuditEvent[] events)
        where T : notnull => AnsweringAsync(answer, () => SaveAndReplyAsync(events));

    /// <summary>Runs <paramref name="save"/>, whose writes store the change, with <paramref name="answer"/> as the call's answer in each of them.</summary>
    protected async Task<T> AnsweringAsync<T>(T answer, Func<Task> save)
        where T : notnull
    {
        _answerBeingSaved = answer;
        try
        {
            await save();
            return answer;
        }
        finally
        {
            _answerBeingSaved = null;
        }
    }

    /// <summary>
    /// Saves like <see cref="SaveAsync"/> without recording the running call's operation: for the first writes of a
    /// change made in several (with calls to other grains between them) whose run again finishes an interrupted run by
    /// itself. The write that stores the answer records the operation, so a run again after it gets that answer.
    /// </summary>
    protected async Task SaveBeforeAnswerAsync(params AuditEvent[] events)
    {
        _savingBeforeAnswer = true;
        try
        {
            await SaveAsync(events);
        }
        finally
        {
            _savingBeforeAnswer = false;
        }
    }

    /// <summary>An erasure drops the answers this grain kept for runs again, since they may copy what it erases.</summary>
    protected void ForgetStoredAnswers() => AppliedOperations.ForgetAnswers(State.Operations);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await InvokeOnceAsync(context);
        }
        catch (CertGridException rejection) when (!_discarded)
        {
            if (!await RejectedByCurrentStateAsync(rejection))
            {
                throw AnsweredFromOutdatedCopy();
            }

            throw;
        }
    }

    private async Task InvokeOnceAsync(IIncomingGrainCallContext context)
    {
        // Taken off the call, so the calls this grain makes in turn (and the effects it applies) never carry it.
        if (RetriedOperation.Take() is not { } operation)
        {
            await context.Invoke();
            return;
        }

        if (AppliedOperations.Find(State.Operations, operation.Id, Now) is { } applied)
        {
            context.Result = applied.AnswerKept ? Answers.Read(applied.Answer) : throw AppliedWithoutAnswer();
            return;
        }

        AppliedOperations.RequireRoom(State.Operations, operation.Id, Now);
        var returns = context.InterfaceMethod.ReturnType;
        var running = new RunningOperation(this, operation, returns.IsGenericType ? returns.GetGenericArguments()[0] : null);
        Running.Value = running;
        try
        {
            await context.Invoke();
        }
        finally
        {
            running.Done = true;
        }

        if (running is { Recorded: true, HasAnswer: true })
        {
            var answer = Answers.Serialize(context.Result);
            if (running.StoredAnswer is null || !answer.AsSpan().SequenceEqual(running.StoredAnswer))
            {
                await KeepAnswerAsync(operation.Id, answer);
            }
        }
    }

    /// <summary>
    /// Called by every write: a call that carries an operation id stores it with its first write, and with each of its
    /// writes the answer the state being written gives, so the write that stores the change also stores its answer.
    /// </summary>
    private void RememberRunningOperation()
    {
        if (_savingBeforeAnswer || Running.Value is not { Done: false } running || !ReferenceEquals(running.Grain, this))
        {
            return;
        }

        if (!running.Recorded)
        {
            AppliedOperations.Record(State.Operations, running.Operation.Id, running.Operation.RememberUntil, running.HasAnswer, Now);
            running.Recorded = true;
        }

        if (running.AnswerType is { } answerType && (_answerBeingSaved is { } saving && answerType.IsInstanceOfType(saving) ? saving : AnswerOfStateBeingWritten(answerType)) is { } answer)
        {
            var serialized = Answers.Serialize(answer);
            running.StoredAnswer = AppliedOperations.KeepAnswer(State.Operations, running.Operation.Id, Answers.Protect(serialized)) ? serialized : null;
        }
    }

    /// <summary>
    /// What the state being written answers to a call returning <paramref name="answerType"/>, stored with the change as
    /// the call's answer: the grain's own parameterless read of that type (<see cref="StateAnswers"/>), asked as if the
    /// write had landed (<see cref="RecordExists"/>), so a grain's first write stores the answer too; null when it cannot tell.
    /// </summary>
    private object? AnswerOfStateBeingWritten(Type answerType)
    {
        _answeringForWrite = true;
        try
        {
            return StateAnswers.Of(this, answerType);
        }
        finally
        {
            _answeringForWrite = false;
        }
    }

    /// <summary>
    /// Stores an answer that differs from the one stored with the change (a second, small write). If that write fails the
    /// answer still goes out (the change is stored) and the activation reloads; a retry then gets the answer stored with
    /// the change, or, when the state gave none, finds the operation applied without an answer.
    /// </summary>
    private async Task KeepAnswerAsync(string operationId, byte[] answer)
    {
        if (!AppliedOperations.KeepAnswer(State.Operations, operationId, Answers.Protect(answer)))
        {
            return;
        }

        await InTurnAsync(async () =>
        {
            if (_discarded || HasUnstoredEffects)
            {
                return false; // kept by the next write
            }

            try
            {
                await state.WriteStateAsync();
                Runner.AppliedSinceWrite = false;
            }
            catch (Exception ex) when (ex is not CertGridException)
            {
                _discarded = true;
                DeactivateOnIdle();
                Logger.LogWarning(ex, "Keeping the answer of operation {Operation} of {Grain} failed; the activation will reload from storage", operationId, this.GetGrainId());
            }

            return false;
        });
    }

    private static CertGridException AppliedWithoutAnswer() => CertGridException.Conflict(
        "This change was already made by an earlier run of the same request (same Idempotency-Key), and its answer could not be kept. " +
        "It was applied once and is not applied again: read the current state to see the result.");
}
