using CertGrid.Abstractions.Paging;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl.ResponseCaching;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace CertGrid.Api.GraphQl;

/// <summary>How resolvers reach the caller, the cluster and the common arguments.</summary>
public static class FieldContextAccess
{
    public static Caller Caller(this IResolveFieldContext context) =>
        (context.UserContext as GraphQlUserContext)?.Caller ?? Access.Caller.Anonymous;

    /// <summary>Where a root field says its answer is public and until when it stays right (null outside the GraphQL endpoint).</summary>
    public static ResponseCacheHint? ResponseCache(this IResolveFieldContext context) =>
        (context.UserContext as GraphQlUserContext)?.ResponseCache;

    public static IGrainFactory Grains(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IGrainFactory>();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();

    /// <summary>The id an argument names, checked to be an id of the expected kind (<paramref name="prefix"/>).</summary>
    public static string Id(this IResolveFieldContext context, string argument, string prefix) =>
        EntityId.Require(context.GetArgument<string?>(argument), prefix, argument);

    public static PageRequest Page(this IResolveFieldContext context) =>
        PageRequest.Create(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));
}
