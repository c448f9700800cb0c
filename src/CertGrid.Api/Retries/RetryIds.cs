using CertGrid.Domain.Retries;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Retries;

/// <summary>
/// Ids a mutation creates. Under an idempotency key they are derived from it (<see cref="DerivedEntityId"/>) and from
/// the field's place in the response, so a run after a lost answer addresses the entity the first run made; without a
/// key they are random (<see cref="EntityId.New"/>).
/// </summary>
public static class RetryIds
{
    public static string NewEntityId(this IResolveFieldContext context, string prefix) => context.IdempotentRequest() is { } request
        ? DerivedEntityId.From(request.Seed, prefix, string.Join('.', context.Path))
        : EntityId.New(prefix);

    /// <summary>The idempotency key's request this field runs in, or null without a key.</summary>
    public static IdempotentRequest? IdempotentRequest(this IResolveFieldContext context) =>
        Retries.IdempotentRequest.Of(context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext);
}
