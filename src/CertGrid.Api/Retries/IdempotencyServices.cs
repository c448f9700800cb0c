using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Retries;

public static class IdempotencyServices
{
    /// <summary>Idempotency keys on mutations (<see cref="IdempotentMutations"/>), with their options validated at start-up.</summary>
    public static IServiceCollection AddIdempotentMutations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<IdempotentMutations>();
        return services;
    }
}
