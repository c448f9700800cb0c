using CertGrid.Abstractions.Hosting;
using CertGrid.Api.GraphQl;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Partners;

/// <summary>
/// What a partner organisation's request reaches: the communities whose grant holds a scope, at the domain clock's
/// now. Partner fields fan out over these and nothing else; a partner with no such grant reaches nothing (an empty
/// answer), whatever it asks for.
/// </summary>
public static class PartnerReach
{
    public static DateTimeOffset DomainNow(this IResolveFieldContext context) => context.DomainClock().GetUtcNow();

    /// <summary>The domain clock grants are judged by (tests move it).</summary>
    public static TimeProvider DomainClock(this IResolveFieldContext context) =>
        context.RequestServices!.GetKeyedService<TimeProvider>(Abstractions.Hosting.DomainClock.ServiceKey) ?? TimeProvider.System;

    /// <summary>The communities the calling partner reaches with <paramref name="scope"/>, in a stable order.</summary>
    public static IReadOnlyList<string> CommunitiesGranting(this IResolveFieldContext context, string scope) =>
        context.Caller().CommunitiesGranting(scope, context.DomainNow()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the calling partner reaches <paramref name="community"/> with <paramref name="scope"/>.</summary>
    public static bool Reaches(this IResolveFieldContext context, string community, string scope) =>
        context.CommunitiesGranting(scope).Contains(community, StringComparer.Ordinal);

    /// <summary>
    /// The community an argument names, when the calling partner's grant from it holds <paramref name="scope"/> now;
    /// FORBIDDEN otherwise (whether the community exists or not).
    /// </summary>
    public static string GrantingCommunity(this IResolveFieldContext context, string argument, string scope)
    {
        var community = context.GetArgument<string?>(argument)?.Trim() ?? string.Empty;
        return context.Reaches(community, scope)
            ? community
            : throw CertGridException.Forbidden($"Your organisation holds no active '{scope}' grant from community '{community}'; its admins grant it with grantPartnerAccess.");
    }
}
