using System.Collections.Concurrent;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// An outage of chosen grain methods in one test cluster (<c>IAuditLogGrain.AppendAsync</c>, for example): while it
/// lasts, calls to them fail as if their silo did not answer. It lets a test hold a change's effects pending, then crash
/// the silo of the grain that caused them. Registered on every test silo; inert unless a test begins an outage.
/// </summary>
public sealed class CallOutage(string clusterKey) : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> Unreachable = new();

    public static void Begin(string clusterKey, IEnumerable<string> methods) => Unreachable[clusterKey] = methods.ToHashSet(StringComparer.Ordinal);

    public static void End(string clusterKey) => Unreachable.TryRemove(clusterKey, out _);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var method = $"{context.InterfaceMethod.DeclaringType?.Name}.{context.MethodName}";
        return Unreachable.TryGetValue(clusterKey, out var methods) && methods.Contains(method)
            ? throw new TimeoutException($"{method} is unreachable (a test outage).")
            : context.Invoke();
    }
}
