using CertGrid.Abstractions.Retries;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Takes an operation id (<see cref="RetriedOperation"/>) off every call to a grain that is not a durable grain (a
/// stateless directory, the audit log), which would otherwise pass it on to the grains it calls: only the grain the
/// gateway called remembers the operation, never one reached through another. A grain that marks its table changes itself
/// (a method marked <see cref="TakesRetriedOperationAttribute"/>) keeps it.
/// </summary>
public sealed class ForeignOperationsDropped : IIncomingGrainCallFilter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.MethodInfo, bool> TakesOperation = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IEffectHost && !TakesOperation.GetOrAdd(context.InterfaceMethod, m => m.IsDefined(typeof(TakesRetriedOperationAttribute), inherit: false)))
        {
            RetriedOperation.Take();
        }

        return context.Invoke();
    }
}
