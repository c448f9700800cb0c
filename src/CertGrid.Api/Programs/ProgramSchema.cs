using CertGrid.Abstractions.Programs;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

/// <summary>Competency frameworks and credential definitions: admins define and publish; members read what is published.</summary>
public sealed class ProgramSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ProgramType>>("program")
            .Description("Your community's frameworks and credentials. Admins also see drafts.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var catalog = await ctx.Grains().GetGrain<IProgramCatalogGrain>(caller.RequireMember()).GetAsync();
                return caller.IsAdmin ? catalog : new ProgramCatalog(
                    catalog.Frameworks.Where(e => e.Status == PublicationStatus.Published).ToList(),
                    catalog.Credentials.Where(e => e.Status == PublicationStatus.Published).ToList());
            });

        query.Field<NonNullGraphType<FrameworkType>>("framework")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("id"), IdPrefixes.Framework, "id");
                var framework = await ctx.Grains().GetGrain<ICompetencyFrameworkGrain>(key).GetAsync();
                return framework.Status == PublicationStatus.Published || caller.IsAdmin
                    ? framework
                    : throw CertGridException.NotFound("Framework", framework.Id);
            });

        query.Field<NonNullGraphType<CredentialDefinitionType>>("credentialDefinition")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireMember(), ctx.GetArgument<string>("id"), IdPrefixes.CredentialDefinition, "id");
                var definition = await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(key).GetAsync();
                return definition.Status == PublicationStatus.Published || caller.IsAdmin
                    ? definition
                    : throw CertGridException.NotFound("Credential", definition.Id);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<FrameworkType>>("defineFramework")
            .Description("Creates a competency framework, or revises a draft (admin).")
            .Argument<NonNullGraphType<DefineFrameworkInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<DefineFrameworkInput>("input");
                var id = input.Id is null ? EntityId.New(IdPrefixes.Framework) : EntityId.Require(input.Id, IdPrefixes.Framework, "input.id");
                if (input.Id is not null)
                {
                    _ = await ctx.Grains().GetGrain<ICompetencyFrameworkGrain>(new ScopedKey(community, id).ToString()).GetAsync();
                }

                return await ctx.Grains().GetGrain<ICompetencyFrameworkGrain>(new ScopedKey(community, id).ToString())
                    .DefineAsync(new DefineFramework(input.Name, input.Description, input.Competencies.Select(c => c.ToCompetency()).ToList()), caller.Actor);
            });

        mutation.Field<NonNullGraphType<FrameworkType>>("publishFramework")
            .Description("Publishes a framework; it can then never change (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireAdmin(), ctx.GetArgument<string>("id"), IdPrefixes.Framework, "id");
                return await ctx.Grains().GetGrain<ICompetencyFrameworkGrain>(key).PublishAsync(caller.Actor);
            });

        mutation.Field<NonNullGraphType<CredentialDefinitionType>>("defineCredential")
            .Description("Creates a credential definition with its rubric, or revises a draft (admin).")
            .Argument<NonNullGraphType<DefineCredentialInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = caller.RequireAdmin();
                var input = ctx.GetArgument<DefineCredentialInput>("input");
                var id = input.Id is null ? EntityId.New(IdPrefixes.CredentialDefinition) : EntityId.Require(input.Id, IdPrefixes.CredentialDefinition, "input.id");
                var grain = ctx.Grains().GetGrain<ICredentialDefinitionGrain>(new ScopedKey(community, id).ToString());
                if (input.Id is not null)
                {
                    _ = await grain.GetAsync();
                }

                return await grain.DefineAsync(new DefineCredential(input.Name, input.Description, input.Tier, input.FrameworkId, input.CriteriaNarrative,
                    input.ToRubric(), input.ValidityDays, input.EvaluatorsPerAttempt ?? 2), caller.Actor);
            });

        mutation.Field<NonNullGraphType<CredentialDefinitionType>>("publishCredential")
            .Description("Publishes a credential definition so learners can attempt it; its framework must be published (admin).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireAdmin(), ctx.GetArgument<string>("id"), IdPrefixes.CredentialDefinition, "id");
                return await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(key).PublishAsync(caller.Actor);
            });
    }
}
