using CertGrid.Abstractions.Retries;
using Orleans;
using Orleans.Runtime;

namespace CertGrid.Api.Retries;

/// <summary>
/// Attaches the next operation id (<see cref="OperationIds"/>) to every grain call a mutation run under an idempotency key
/// makes from the gateway. Calls grains make are not stamped: the receiving
/// grain took the id off its call, so what it causes in turn is never mistaken for the mutation.
/// </summary>
public sealed class OperationIdStamp : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (OperationIds.Current is not { } ids || context.SourceContext?.GrainInstance is Grain)
        {
            await context.Invoke();
            return;
        }

        RequestContext.Set(RetriedOperation.RequestContextKey, ids.Next(context.TargetId, context.MethodName).Format());
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(RetriedOperation.RequestContextKey);
        }
    }
}
