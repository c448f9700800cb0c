using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

/// <summary>Stackable pathways and specialisation tracks: admins design them; members read them.</summary>
public sealed class PathwaySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathwayType>>>>("pathways")
            .Description("Your community's pathways; keys other than admins' see active ones only.")
            .Authorize(AccessRules.Members)
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var language = await ctx.LanguageAsync(community);
                return (await ctx.Grains().GetGrain<IPathwaysGrain>(community).ListAsync())
                    .Where(p => ctx.Caller().IsAdmin || p.Status == PathwayStatus.Active).Select(language.Localize).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpecialisationType>>>>("specialisations")
            .Description("The community's specialisations with their core competencies and tracks, in the reader's language (any community key).")
            .Authorize(AccessRules.Members)
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var language = await ctx.LanguageAsync(community);
                return (await ctx.Grains().GetGrain<ISpecialisationsGrain>(community).ListAsync()).Select(language.Localize).ToList();
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<PathwayType>>("definePathway")
            .Description("Creates a stackable pathway as a draft, or revises a draft (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DefinePathwayInputType>>("input", "The pathway's name, target credential and component credentials; with an id, a revision of a draft.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<DefinePathwayInput>("input");
                var id = input.Id is null ? ctx.NewEntityId(IdPrefixes.Pathway) : EntityId.Require(input.Id, IdPrefixes.Pathway, "input.id");
                var pathways = ctx.Grains().GetGrain<IPathwaysGrain>(community);
                if (input.Id is not null)
                {
                    _ = await pathways.GetAsync(id);
                }

                return await pathways.DefineAsync(id, new DefinePathway(input.Name, input.Description, input.TargetCredentialId, input.ComponentCredentialIds,
                    Translations.ToMap(input.NameTranslations, "input.nameTranslations"), Translations.ToMap(input.DescriptionTranslations, "input.descriptionTranslations")), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposePathway")
            .Description("Puts a draft pathway to the steering committee (admin or committee member).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The pathway (pth_…).")
            .Argument<StringGraphType>("note", "Why you propose it, for the committee.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                return await ctx.Grains().GetGrain<IPathwaysGrain>(community).ProposeAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Pathway, "id"),
                    ctx.GetArgument<string?>("note"), caller.Actor, caller.Person);
            });

        mutation.Field<NonNullGraphType<PathwayType>>("activatePathway")
            .Description("Starts awarding the pathway's credential (admin; with a steering committee, once approved).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The pathway (pth_…).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IPathwaysGrain>(ctx.Community()).ActivateAsync(EntityId.Require(ctx.GetArgument<string>("id"), IdPrefixes.Pathway, "id"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<SpecialisationType>>("defineSpecialisation")
            .Description("Creates or replaces a specialisation: shared core competencies plus tracks (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DefineSpecialisationInputType>>("input", "The specialisation's core competencies and tracks.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<DefineSpecialisationInput>("input");
                var id = input.Id is null ? ctx.NewEntityId(IdPrefixes.Specialisation) : EntityId.Require(input.Id, IdPrefixes.Specialisation, "input.id");
                return await ctx.Grains().GetGrain<ISpecialisationsGrain>(ctx.Community()).DefineAsync(input.ToSpecialisation(id), caller.Actor);
            });
    }
}
