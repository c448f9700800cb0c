using CertGrid.Abstractions.Communities;
using CertGrid.Api.GraphQl;
using CertGrid.Domain.Languages;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertGrid.Api.Languages;

/// <summary>How resolvers learn the language to answer in: a <c>language</c> argument first, then Accept-Language, then the community's default.</summary>
public static class LanguageAccess
{
    public const string Argument = "language";

    public static FieldBuilder<TSource, TReturn> Localized<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<StringGraphType>(Argument, "The language to answer in (e.g. 'fr'); otherwise Accept-Language, then the community's default.");

    /// <summary>The reader's language choice for content of <paramref name="community"/>.</summary>
    public static async Task<LanguageChoice> LanguageAsync(this IResolveFieldContext ctx, string community)
    {
        var accept = (ctx.UserContext as GraphQlUserContext)?.AcceptLanguages ?? [];
        var preferred = LanguagePreference.Combine(ctx.HasArgument(Argument) ? ctx.GetArgument<string?>(Argument) : null, accept, Argument);
        var info = await ctx.Grains().GetGrain<ICommunityGrain>(community).GetAsync();
        return new LanguageChoice(preferred, info.DefaultLanguage);
    }
}
