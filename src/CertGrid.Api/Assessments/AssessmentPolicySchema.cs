using CertGrid.Abstractions.Programs;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>A credential's assessment policy: admins set it; members read it (also as <c>credentialDefinition.assessmentPolicy</c>).</summary>
public sealed class AssessmentPolicySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<AssessmentPolicyType>>("assessmentPolicy")
            .Description("The assessment policy in force for a credential.")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .ResolveAsync(async ctx =>
            {
                var key = ctx.Scoped(ctx.Caller().RequireMember(), ctx.GetArgument<string>("credentialId"), IdPrefixes.CredentialDefinition, "credentialId");
                return await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(key).GetAssessmentPolicyAsync();
            });

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AssessmentPolicyType>>("setAssessmentPolicy")
            .Description("Sets a credential's assessment policy (consensus, retakes, blind review, deadlines, appeals, conflicts, reflections, sessions); applies to attempts submitted afterwards (admin). " +
                "With a steering committee, a published credential's policy changes only to the policy of its newest approved proposeAssessmentPolicy.")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<NonNullGraphType<AssessmentPolicyInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireAdmin(), ctx.GetArgument<string>("credentialId"), IdPrefixes.CredentialDefinition, "credentialId");
                return await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(key).SetAssessmentPolicyAsync(ctx.GetArgument<AssessmentPolicyInput>("input").ToPolicy(), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposeAssessmentPolicy")
            .Description("Puts an assessment policy for a published credential, exactly as given, to the steering committee; once approved, setAssessmentPolicy with the same policy applies it (admin or committee member).")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId")
            .Argument<NonNullGraphType<AssessmentPolicyInputType>>("input")
            .Argument<StringGraphType>("note")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var key = ctx.Scoped(caller.RequireProposer(), ctx.GetArgument<string>("credentialId"), IdPrefixes.CredentialDefinition, "credentialId");
                return await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(key).ProposeAssessmentPolicyAsync(ctx.GetArgument<AssessmentPolicyInput>("input").ToPolicy(),
                    ctx.GetArgument<string?>("note"), caller.Actor, caller.Person);
            });
    }
}
