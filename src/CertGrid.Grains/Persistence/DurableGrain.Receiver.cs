using CertGrid.Abstractions.Retries;
using CertGrid.Domain.Retries;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// The idempotent receiver every durable grain is (issue 14): a call that carries an operation id
/// (<see cref="RetriedOperation"/>, attached by the gateway to the calls of a mutation sent under an idempotency key)
/// and changes state stores the id in the same write as the change, and its answer right after; a later call with the
/// same id (the mutation run again after its answer was lost) gets that answer and changes nothing.
/// </summary>
public abstract partial class DurableGrain<TState> : IIncomingGrainCallFilter
{
    private static readonly AsyncLocal<RunningOperation?> Running = new();

    private OperationAnswers Answers => field ??= ServiceProvider.GetRequiredService<OperationAnswers>();

    public async Task Invoke(IIncomingGrainCallContext context)
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

        var running = new RunningOperation(this, operation, context.InterfaceMethod.ReturnType.IsGenericType);
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
            await KeepAnswerAsync(operation.Id, context.Result);
        }
    }

    /// <summary>Called by every write: the first write of a call that carries an operation id stores it with the change.</summary>
    private void RememberRunningOperation()
    {
        if (Running.Value is { Done: false, Recorded: false } running && ReferenceEquals(running.Grain, this))
        {
            AppliedOperations.Record(State.Operations, running.Operation.Id, running.Operation.RememberUntil, running.HasAnswer, Now);
            running.Recorded = true;
        }
    }

    /// <summary>
    /// Stores the answer after the change (a second, small write). If that write fails the answer still goes out (the
    /// change is stored) and the activation reloads; a retry then finds the operation applied without an answer.
    /// </summary>
    private async Task KeepAnswerAsync(string operationId, object? answer)
    {
        if (!AppliedOperations.KeepAnswer(State.Operations, operationId, Answers.Keep(answer)))
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
