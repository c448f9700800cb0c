using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// The answer a grain's state gives now to a call returning <c>T</c>, made by the grain's own read of that type: the
/// one parameterless <c>[ReadOnly]</c> method of its grain interfaces that returns <c>Task&lt;T&gt;</c> (a
/// <c>GetAsync</c>), called in place (not as a grain call) and taken only when it answers at once. Lets a change store
/// its answer in the change's own write (<c>DurableGrain</c>'s idempotent receiver).
/// </summary>
internal static class StateAnswers
{
    private static readonly ConcurrentDictionary<(Type Grain, Type Answer), MethodInfo?> Readers = new();

    /// <summary>The answer, or null when the grain has no such read or it cannot answer now (nothing stored yet, say).</summary>
    public static object? Of(object grain, Type answerType)
    {
        if (Readers.GetOrAdd((grain.GetType(), answerType), key => ReaderOf(key.Grain, key.Answer)) is not { } reader)
        {
            return null;
        }

        try
        {
            var task = (Task)reader.Invoke(grain, null)!;
            if (task.IsCompletedSuccessfully)
            {
                return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            }

            _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed; an answer that does not come at once is not used
            return null;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static MethodInfo? ReaderOf(Type grain, Type answerType)
    {
        var returns = typeof(Task<>).MakeGenericType(answerType);
        var reads = grain.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i))
            .SelectMany(i => i.GetMethods())
            .Where(m => m.ReturnType == returns && m.GetParameters().Length == 0 && m.GetCustomAttribute<ReadOnlyAttribute>() is not null)
            .Distinct()
            .ToList();

        // A grain often has a GetAsync and a FindAsync of the same type (Task<T> and Task<T?> are one type at run time):
        // the read that promises an answer is the one, since the others give the same answer or null.
        var promising = reads.Count > 1 ? reads.Where(PromisesAnAnswer).ToList() : reads;
        return promising.Count == 1 ? promising[0] : null;
    }

    private static bool PromisesAnAnswer(MethodInfo read)
    {
        var result = new NullabilityInfoContext().Create(read.ReturnParameter).GenericTypeArguments;
        return result.Length == 1 && result[0].ReadState == NullabilityState.NotNull;
    }
}
