using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Resources;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
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
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>>("resources")
            .Description("Published resources, optionally for one competency or credential (any member; admins also see withdrawn ones).")
            .Argument<StringGraphType>("competencyCode")
            .Argument<IdGraphType>("credentialId")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireMember();
                var code = ctx.GetArgument<string?>("competencyCode") is { } given ? RubricRules.RequireCode(given, "competencyCode") : null;
                var credential = ctx.GetArgument<string?>("credentialId") is { } id ? EntityId.Require(id, IdPrefixes.CredentialDefinition, "credentialId") : null;
                var language = await ctx.LanguageAsync(community);
                return (await ctx.Grains().GetGrain<IResourceLibraryGrain>(community).ListAsync())
                    .Where(r => (r.Published || caller.IsAdmin) && (code is null || r.CompetencyCodes.Contains(code)) && (credential is null || r.DefinitionIds.Contains(credential)))
                    .Select(language.Localize).ToList();
            });

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<CuratedResourceType>>("curateResource")
            .Description("Adds a link (published at once) or a file (published once uploaded and committed) to the library (admin, evaluator, or learner holding a valid credential).")
            .Argument<NonNullGraphType<CurateResourceInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, curator) = await CuratorAsync(ctx, caller);
                return await Library(ctx, community).CurateAsync(ctx.GetArgument<CurateResourceInput>("input").ToCommand(), curator, caller.Actor);
            });

        mutation.Field<NonNullGraphType<ResourceType>>("commitResourceFile")
            .Description("Checks an uploaded resource file (size, type, SHA-256) and publishes it (its curator or an admin).")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, id) = await OwnResourceAsync(ctx, caller);
                return await Library(ctx, community).CommitFileAsync(id, caller.Actor);
            });

        mutation.Field<NonNullGraphType<ResourceType>>("withdrawResource")
            .Description("Takes a resource off the library (its curator or an admin).")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, id) = await OwnResourceAsync(ctx, caller);
                return await Library(ctx, community).WithdrawAsync(id, caller.Actor);
            });
    }

    private static async Task<(string Community, string Curator)> CuratorAsync(IResolveFieldContext ctx, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return (caller.Community!, caller.Actor);
        }

        var (community, person) = caller.RequirePerson();
        if (caller.Role == Domain.Access.Role.Learner)
        {
            await ctx.Grains().GetGrain<IEligibilityGrain>(community).RequireCredentialHolderAsync(caller.SubjectId!);
        }

        return (community, person);
    }

    private static async Task<(string Community, string Id)> OwnResourceAsync(IResolveFieldContext ctx, Caller caller)
    {
        var community = caller.RequireMember();
        var id = EntityId.Require(ctx.GetArgument<string>("resourceId"), IdPrefixes.Resource, "resourceId");
        var resource = (await Library(ctx, community).ListAsync()).FirstOrDefault(r => r.Id == id) ?? throw CertGridException.NotFound("Resource", id);
        return caller.IsAdmin || resource.CuratedBy == caller.Person
            ? (community, id)
            : throw CertGridException.Forbidden("Only the resource's curator and admins can change it.");
    }

    private static IResourceLibraryGrain Library(IResolveFieldContext ctx, string community) => ctx.Grains().GetGrain<IResourceLibraryGrain>(community);
}
