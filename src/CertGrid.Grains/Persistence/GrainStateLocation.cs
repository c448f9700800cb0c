using System.Collections.Concurrent;
using System.Reflection;

namespace CertGrid.Grains.Persistence;

/// <summary>Where a grain type keeps its state: the state and storage names of its <c>[PersistentState]</c> constructor parameter.</summary>
internal static class GrainStateLocation
{
    private static readonly ConcurrentDictionary<Type, PersistentStateAttribute> ByGrainType = new();

    /// <summary>The <c>[PersistentState]</c> of <paramref name="grainType"/>'s <c>IPersistentState</c> of <paramref name="stateType"/>.</summary>
    public static PersistentStateAttribute Of(Type grainType, Type stateType) => ByGrainType.GetOrAdd(grainType, type =>
        type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.ParameterType == typeof(IPersistentState<>).MakeGenericType(stateType))
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .FirstOrDefault(a => a is not null)
        ?? throw new InvalidOperationException($"{type.Name} takes no [PersistentState] IPersistentState<{stateType.Name}>."));
}
