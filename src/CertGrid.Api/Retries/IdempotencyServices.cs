using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace CertGrid.Api.Retries;

public static class IdempotencyServices
{
    /// <summary>
    /// Idempotency keys on mutations (<see cref="IdempotentMutations"/>), with their options validated at start-up, and the
    /// operation ids their runs attach to grain calls (<see cref="OperationIdStamp"/>, for this host's cluster client or silo).
    /// </summary>
    public static IServiceCollection AddIdempotentMutations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<IdempotentMutations>();
        services.AddSingleton<IOutgoingGrainCallFilter, OperationIdStamp>();
        return services;
    }
}
