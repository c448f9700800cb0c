using CertGrid.Abstractions.Retries;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Takes an operation id (<see cref="RetriedOperation"/>) off every call to a grain that is not a durable grain (a
/// stateless directory, the audit log), which would otherwise pass it on to the grains it calls: only the grain the
/// gateway called remembers the operation, never one reached through another.
/// </summary>
public sealed class ForeignOperationsDropped : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not IEffectHost)
        {
            RetriedOperation.Take();
        }

        return context.Invoke();
    }
}
