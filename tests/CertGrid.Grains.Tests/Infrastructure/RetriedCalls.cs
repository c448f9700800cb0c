using CertGrid.Abstractions.Retries;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Calls a grain as the gateway does for a mutation under an idempotency key: with the operation id on the call.</summary>
public static class RetriedCalls
{
    public static Task UnderAsync(RetriedOperation operation, Func<Task> call) => UnderAsync(operation, async () =>
    {
        await call();
        return true;
    });

    public static async Task<T> UnderAsync<T>(RetriedOperation operation, Func<Task<T>> call)
    {
        RequestContext.Set(RetriedOperation.RequestContextKey, operation.Format());
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(RetriedOperation.RequestContextKey);
        }
    }
}
