using GraphQL;

namespace CertGrid.Api.Retries;

/// <summary>
/// How a mutation that is <see cref="RetrySafety.SafeToRunAgain{TSource, TReturn}"/> meets what its first run did:
/// when a run under an idempotency key is refused with <c>CONFLICT</c> and the change is found already made (only an
/// earlier run of the same request under the same key can have made it), the answer is what is there now.
/// </summary>
public static class RunOnce
{
    /// <param name="alreadyMade">Looks for the change this run would make; null when it is not there.</param>
    public static async Task<T> ChangeOnceAsync<T>(this IResolveFieldContext context, Func<Task<T>> change, Func<Task<T?>> alreadyMade)
        where T : class
    {
        try
        {
            return await change();
        }
        catch (CertGridException conflict) when (conflict.Code == ErrorCode.Conflict && context.IdempotentRequest() is not null)
        {
            var made = await alreadyMade();
            if (made is null)
            {
                throw;
            }

            return made;
        }
    }

    /// <summary>Creates an entity under an id from <see cref="RetryIds.NewEntityId"/>; a retry that finds it answers with it.</summary>
    public static Task<T> CreateOnceAsync<T>(this IResolveFieldContext context, string prefix, Func<string, Task<T>> create, Func<string, Task<T>> existing)
        where T : class
    {
        var id = context.NewEntityId(prefix);
        return context.ChangeOnceAsync(() => create(id), async () =>
        {
            try
            {
                return await existing(id);
            }
            catch (CertGridException)
            {
                return null;
            }
        });
    }
}
