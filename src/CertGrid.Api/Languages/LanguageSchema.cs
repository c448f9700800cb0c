using CertGrid.Abstractions.Communities;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Communities;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Languages;

/// <summary>The language a community writes its content in; translations add others.</summary>
public sealed class LanguageSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
    }

    public void AddMutations(RootMutation mutation) =>
        mutation.Field<NonNullGraphType<CommunityType>>("setDefaultLanguage")
            .Description("Sets the language your community's content is written in (e.g. 'fr'); readers asking for another language get translations where they exist, this otherwise (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("language", "A BCP 47 language tag, e.g. 'en' or 'pt-BR'.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<ICommunityGrain>(ctx.Community()).SetDefaultLanguageAsync(ctx.GetArgument<string>("language"), caller.Actor);
            });
}
