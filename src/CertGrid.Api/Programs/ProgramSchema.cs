using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.Governance;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Languages;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Programs;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

/// <summary>
/// Competency frameworks and credential definitions: admins define, revise and publish (through the steering
/// committee once the community has one); members read what is published, in their language.
/// </summary>
public sealed class ProgramSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ProgramType>>("program")
            .Description("Your community's frameworks and credentials. Admins also see drafts.")
            .Authorize(AccessRules.Members)
            .ResolveAsync(async ctx =>
            {
                var catalog = await ctx.Grains().GetGrain<IProgramCatalogGrain>(ctx.Community()).GetAsync();
                return ctx.Caller().IsAdmin ? catalog : new ProgramCatalog(
                    catalog.Frameworks.Where(e => e.Status == PublicationStatus.Published).ToList(),
                    catalog.Credentials.Where(e => e.Status == PublicationStatus.Published).ToList());
            });

        query.Field<NonNullGraphType<FrameworkType>>("framework")
            .Description("A framework with every version; keys other than admins' see it once published, with its released versions only.")
            .AuthorizeOrNotFound(ProgramAccess.PublishedFrameworks, "Framework")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var framework = await ctx.Grains().Framework(community, ctx.Id("id", IdPrefixes.Framework)).GetAsync();
                return (await ctx.LanguageAsync(community)).Localize(ctx.Caller().IsAdmin ? framework : ReleasedOnly(framework));
            });

        query.Field<NonNullGraphType<CredentialDefinitionType>>("credentialDefinition")
            .Description("A credential definition with its rubric, requirements and policies; keys other than admins' see it once published.")
            .AuthorizeOrNotFound(ProgramAccess.PublishedDefinitions, "Credential")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential definition (def_…).")
            .Localized()
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var definition = await ctx.Grains().CredentialDefinition(community, ctx.Id("id", IdPrefixes.CredentialDefinition)).GetAsync();
                return (await ctx.LanguageAsync(community)).Localize(definition);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<FrameworkType>>("defineFramework")
            .Description("Creates a competency framework (version 1.0.0, a draft), or revises that draft (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DefineFrameworkInputType>>("input", "The framework's name, domains and competencies; with an id, a revision of that draft.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<DefineFrameworkInput>("input");
                var id = input.Id is null ? ctx.NewEntityId(IdPrefixes.Framework) : EntityId.Require(input.Id, IdPrefixes.Framework, "input.id");
                var grain = ctx.Grains().Framework(community, id);
                if (input.Id is not null)
                {
                    _ = await grain.GetAsync();
                }

                return await grain.DefineAsync(input.ToCommand(), caller.Actor);
            });

        mutation.Field<NonNullGraphType<FrameworkType>>("reviseFramework")
            .Description("Drafts the next version of a framework (or replaces its newest draft). The version number follows from the diff with the newest released version (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Argument<NonNullGraphType<DefineFrameworkInputType>>("input", "The whole next version of the framework.")
            .Argument<VersionBumpType>("bump", "Bump more than the changes require (e.g. MAJOR for a re-organisation).")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DefineFrameworkInput>("input");
                if (input.Id is not null && input.Id != ctx.GetArgument<string>("id"))
                {
                    throw CertGridException.Invalid("input.id", "'input.id' names another framework: leave it out, or give the same id as 'id'.");
                }

                return await Framework(ctx, ctx.Community()).ReviseAsync(input.ToCommand(), ctx.GetArgument<VersionBump?>("bump"), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<FrameworkType>>("proposeFrameworkVersion")
            .Description("Puts the newest draft version to the steering committee (admin or committee member).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Argument<StringGraphType>("note", "Why you propose it, for the committee.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await Framework(ctx, ctx.Community()).ProposeAsync(ctx.GetArgument<string?>("note"), caller.Actor, caller.Person);
            });

        mutation.Field<NonNullGraphType<FrameworkType>>("withdrawFrameworkProposal")
            .Description("Withdraws the open proposal of the newest version; it is a draft again (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .ResolveAsync(async ctx => await Framework(ctx, ctx.Community()).WithdrawAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<FrameworkType>>("publishFramework")
            .Description("Publishes the newest version: a draft when the community has no steering committee, otherwise only a version its quorum approved. It can then never change (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .ResolveAsync(async ctx => await Framework(ctx, ctx.Community()).PublishAsync(ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<FrameworkType>>("retireFrameworkVersion")
            .Description("Retires a published version (with a steering committee: proposes its retirement). Credentials issued under it stay as they are (admin or committee member).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Argument<NonNullGraphType<StringGraphType>>("version", "The published version to retire, e.g. '1.0.0'.")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why, for the audit log and the committee.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await Framework(ctx, ctx.Community()).RetireAsync(ctx.GetArgument<string>("version"), ctx.GetArgument<string>("reason"), caller.Actor, caller.Person);
            });

        mutation.Field<NonNullGraphType<FrameworkType>>("setFrameworkReviewCadence")
            .Description("Sets how often (days, 30-1830) the steering committee reviews the framework; null stops the reviews (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The framework (fwk_…).")
            .Argument<IntGraphType>("days", "Days between reviews (30-1830); null stops the reviews.")
            .ResolveAsync(async ctx => await Framework(ctx, ctx.Community()).SetReviewCadenceAsync(ctx.GetArgument<int?>("days"), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<CredentialDefinitionType>>("defineCredential")
            .Description("Creates a credential definition with its rubric and eligibility rules, or revises a draft (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DefineCredentialInputType>>("input", "The credential's name, tier, framework, rubric, validity, panel size and eligibility rules; with an id, a revision of that draft.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<DefineCredentialInput>("input");
                var id = input.Id is null ? ctx.NewEntityId(IdPrefixes.CredentialDefinition) : EntityId.Require(input.Id, IdPrefixes.CredentialDefinition, "input.id");
                var grain = ctx.Grains().CredentialDefinition(community, id);
                if (input.Id is not null)
                {
                    _ = await grain.GetAsync();
                }

                return await grain.DefineAsync(input.ToCommand(), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposeCredential")
            .Description("Puts a draft credential definition, exactly as it stands, to the steering committee (admin or committee member).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The draft credential definition (def_…).")
            .Argument<StringGraphType>("note", "Why you propose it, for the committee.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var definition = await ctx.Grains().CredentialDefinition(community, ctx.Id("id", IdPrefixes.CredentialDefinition)).GetAsync();
                if (definition.Status == PublicationStatus.Published)
                {
                    throw CertGridException.Conflict($"Credential '{definition.Name}' is already published.");
                }

                return await ctx.Grains().GetGrain<IGovernanceGrain>(community).OpenProposalAsync(new OpenProposal(ProposalKind.CredentialDefinition,
                    definition.Id, DefinitionFingerprint.Of(definition), $"Credential '{definition.Name}'", ctx.GetArgument<string?>("note"), caller.Actor, caller.Person));
            });

        mutation.Field<NonNullGraphType<CredentialDefinitionType>>("publishCredential")
            .Description("Publishes a credential definition so learners can attempt it; its framework and prerequisites must be published and, with a steering committee, this exact definition approved (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("id", "The credential definition (def_…).")
            .ResolveAsync(async ctx =>
            {
                return await ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("id", IdPrefixes.CredentialDefinition)).PublishAsync(ctx.Caller().Actor);
            });
    }

    /// <summary>A framework without its unreleased versions, as members other than admins see it.</summary>
    public static FrameworkInfo ReleasedOnly(FrameworkInfo framework) => framework with
    {
        Versions = framework.Versions?.Where(v => v.Status is FrameworkVersionStatus.Published or FrameworkVersionStatus.Retired)
            .Select(v => v with { CreatedBy = string.Empty, PublishedBy = null, ProposalId = null, RetirementProposalId = null }).ToList(),
    };

    private static ICompetencyFrameworkGrain Framework(IResolveFieldContext ctx, string community) =>
        ctx.Grains().Framework(community, ctx.Id("id", IdPrefixes.Framework));
}
