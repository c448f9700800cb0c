using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Resources;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Languages;
using CertGrid.Domain.Resources;
using CertGrid.Domain.Programs;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Resources;

/// <summary>
/// The library of preparatory resources. Contributors curate: admins, evaluators, and learners who hold a valid
/// credential. Every member reads what is published; learner progress recommends from it.
/// </summary>
public sealed class ResourceSchema : ISchemaContributor
{
    /// <summary>The curator of the resource the 'resourceId' argument names (it must exist).</summary>
    private static readonly AccessRule Curator = new LoadingRule<Resource>("the key of its curator", async ctx =>
    {
        var id = ctx.Id("resourceId", IdPrefixes.Resource);
        return (await Library(ctx).ListAsync()).FirstOrDefault(r => r.Id == id) ?? throw CertGridException.NotFound("Resource", id);
    }, (caller, resource) => caller.Person is { } person && resource.CuratedBy == person);

    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>>("resources")
            .Description("Published resources, optionally for one competency or credential (any community key; admins also see withdrawn ones).")
            .Authorize(AccessRules.Members)
            .Argument<StringGraphType>("competencyCode", "Only resources for this competency code (e.g. 'OBS-1').")
            .Argument<IdGraphType>("credentialId", "Only resources for this credential (def_…).")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string?>("competencyCode") is { } given ? RubricRules.RequireCode(given, "competencyCode") : null;
                var credential = ctx.GetArgument<string?>("credentialId") is { } id ? EntityId.Require(id, IdPrefixes.CredentialDefinition, "credentialId") : null;
                var language = await ctx.LanguageAsync(ctx.Community());
                return (await Library(ctx).ListAsync())
                    .Where(r => (r.Published || ctx.Caller().IsAdmin) && (code is null || r.CompetencyCodes.Contains(code)) && (credential is null || r.DefinitionIds.Contains(credential)))
                    .Select(language.Localize).ToList();
            });

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CuratedResourceType>>("curateResource")
            .Description("Adds a link (published at once) or a file (published once uploaded and committed) to the library (admin, evaluator, or learner holding a valid credential).")
            .Authorize(AccessRules.Insiders)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<CurateResourceInputType>>("input", "The resource: a link or a file, and what it helps with.")
            .ResolveAsync(async ctx => await Library(ctx).CurateAsync(ctx.GetArgument<CurateResourceInput>("input").ToCommand(), await CuratorAsync(ctx), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ResourceType>>("commitResourceFile")
            .Description("Checks an uploaded resource file (size, type, SHA-256) and publishes it (its curator or an admin).")
            .Authorize(AccessRules.Admins | Curator)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("resourceId", "The resource (res_…).")
            .ResolveAsync(async ctx => await Library(ctx).CommitFileAsync(ctx.Id("resourceId", IdPrefixes.Resource), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ResourceType>>("confirmCuration")
            .Description("Confirms that a published resource a learner or evaluator curated is worth counting: only confirmed resources count toward the curator badge. Confirming again changes nothing (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("resourceId", "The published resource (res_…).")
            .ResolveAsync(async ctx => await Library(ctx).ConfirmCurationAsync(ctx.Id("resourceId", IdPrefixes.Resource), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ResourceType>>("withdrawResource")
            .Description("Takes a resource off the library (its curator or an admin).")
            .Authorize(AccessRules.Admins | Curator)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("resourceId", "The resource (res_…).")
            .ResolveAsync(async ctx => await Library(ctx).WithdrawAsync(ctx.Id("resourceId", IdPrefixes.Resource), ctx.Caller().Actor));
    }

    /// <summary>Who curates a new resource: an admin (by key), or the calling person, a learner only while holding a valid credential.</summary>
    private static async Task<string> CuratorAsync(IResolveFieldContext ctx)
    {
        if (ctx.Caller().IsAdmin)
        {
            return ctx.Caller().Actor;
        }

        if (ctx.Caller().Role == Domain.Access.Role.Learner)
        {
            await ctx.Grains().GetGrain<IEligibilityGrain>(ctx.Community()).RequireCredentialHolderAsync(ctx.OwnLearnerId());
        }

        return ctx.OwnPerson();
    }

    private static IResourceLibraryGrain Library(IResolveFieldContext ctx) => ctx.Grains().GetGrain<IResourceLibraryGrain>(ctx.Community());
}
