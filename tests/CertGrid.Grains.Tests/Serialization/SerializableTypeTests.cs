using System.Reflection;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.TypeSystem;

namespace CertGrid.Grains.Tests.Serialization;

/// <summary>
/// Every message and state type crosses silos or lands in storage by its alias: each alias must round-trip
/// through Orleans' type converter, and the error type must keep its code across a silo boundary.
/// </summary>
public sealed class SerializableTypeTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public void Every_serializable_type_name_round_trips()
    {
        var converter = fixture.Cluster.Cluster.ServiceProvider.GetRequiredService<TypeConverter>();
        var assemblies = new[] { typeof(CertGridException).Assembly, typeof(PageRequest).Assembly, typeof(DurableState).Assembly };
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .Select(t => t.IsGenericTypeDefinition ? t.MakeGenericType(t.GetGenericArguments().Select(_ => typeof(string)).ToArray()) : t)
            .ToList();

        Assert.True(types.Count > 40, $"found only {types.Count} serializable types");
        Assert.All(types, type => Assert.Equal(type, converter.Parse(converter.Format(type))));
    }

    [Fact]
    public void A_coded_error_keeps_its_code_and_message_through_the_serializer()
    {
        var serializer = fixture.Cluster.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        var original = CertGridException.Invalid("input.name", "'input.name' is required.");
        var copy = serializer.Deserialize<CertGridException>(serializer.SerializeToArray(original));
        Assert.Equal(ErrorCode.ValidationFailed, copy!.Code);
        Assert.Equal("input.name", copy.Field);
        Assert.Equal(original.Message, copy.Message);
    }
}
