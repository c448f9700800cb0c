using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Languages;
using CertGrid.Api.Programs;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Programs;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Publishing;

/// <summary>
/// Public program page data: what a community publishes, readable by anyone without a key. Drafts, proposals and
/// who-did-what stay private; the community comes from the argument, and only published content is returned.
/// </summary>
public sealed class PublicProgramSchema : ISchemaContributor
{
    public const int MaxItems = 200;

    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PublicProgramType>>("publicProgram")
            .Description("A community's published program: frameworks, credentials, active pathways and specialisations. Needs no key.")
            .Authorize(AccessRules.Anyone)
            .Argument<NonNullGraphType<IdGraphType>>("communityId", "The community's id, as in its public URLs.")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var (community, language) = await CommunityAsync(ctx);
                var catalog = await ctx.Grains().GetGrain<IProgramCatalogGrain>(community.Id).GetAsync();
                var frameworks = new List<FrameworkInfo>();
                foreach (var entry in catalog.Frameworks.Where(e => e.Status == PublicationStatus.Published).Take(MaxItems))
                {
                    frameworks.Add(language.Localize(ProgramSchema.ReleasedOnly(await ctx.Grains().Framework(community.Id, entry.Id).GetAsync())));
                }

                var credentials = new List<CredentialDefinitionInfo>();
                foreach (var entry in catalog.Credentials.Where(e => e.Status == PublicationStatus.Published).Take(MaxItems))
                {
                    credentials.Add(language.Localize(await ctx.Grains().CredentialDefinition(community.Id, entry.Id).GetAsync()));
                }

                var pathways = (await ctx.Grains().GetGrain<IPathwaysGrain>(community.Id).ListAsync()).Where(p => p.Status == PathwayStatus.Active).Select(language.Localize).ToList();
                var specialisations = (await ctx.Grains().GetGrain<ISpecialisationsGrain>(community.Id).ListAsync()).Select(language.Localize).ToList();
                return new PublicProgram(community, language.Preferred.FirstOrDefault(t => t != "*") ?? language.Default, frameworks, credentials, pathways, specialisations);
            });

        query.Field<NonNullGraphType<FrameworkType>>("publicFramework")
            .Description("A published framework with its released versions and their diffs. Needs no key.")
            .Authorize(AccessRules.Anyone)
            .Argument<NonNullGraphType<IdGraphType>>("communityId", "The community's id, as in its public URLs.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var (community, language) = await CommunityAsync(ctx);
                var framework = await ctx.Grains().Framework(community.Id, ctx.Id("id", IdPrefixes.Framework)).GetAsync();
                return framework.Status == PublicationStatus.Published
                    ? language.Localize(ProgramSchema.ReleasedOnly(framework))
                    : throw CertGridException.NotFound("Framework", framework.Id);
            });

        query.Field<NonNullGraphType<CredentialDefinitionType>>("publicCredential")
            .Description("A published credential with its rubric, exemplars, scoring methodology and policy document. Needs no key.")
            .Authorize(AccessRules.Anyone)
            .Argument<NonNullGraphType<IdGraphType>>("communityId", "The community's id, as in its public URLs.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential definition (def_…).")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var (community, language) = await CommunityAsync(ctx);
                var definition = await ctx.Grains().CredentialDefinition(community.Id, ctx.Id("id", IdPrefixes.CredentialDefinition)).GetAsync();
                return definition.Status == PublicationStatus.Published
                    ? language.Localize(definition)
                    : throw CertGridException.NotFound("Credential", definition.Id);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }

    private static async Task<(CommunityInfo Community, LanguageChoice Language)> CommunityAsync(IResolveFieldContext ctx)
    {
        var id = CommunityId.Require(ctx.GetArgument<string>("communityId"), "communityId");
        var community = await ctx.Grains().GetGrain<ICommunityGrain>(id).FindAsync() ?? throw CertGridException.NotFound("Community", id);
        return (community, await ctx.LanguageAsync(id));
    }
}
