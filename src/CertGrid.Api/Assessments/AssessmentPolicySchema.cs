using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using CertGrid.Api.Programs;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>A credential's assessment policy: admins set it; members read it (also as <c>credentialDefinition.assessmentPolicy</c>).</summary>
public sealed class AssessmentPolicySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<AssessmentPolicyType>>("assessmentPolicy")
            .Description("The assessment policy in force for a credential: consensus, retakes, blind review, deadlines, appeals, conflicts. " +
                "A draft credential's policy is for admins only; other keys are told it was not found.")
            .AuthorizeOrNotFound(ProgramAccess.PublishedDefinitionNamedBy("credentialId"), "Credential", "credentialId")
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential definition (def_…).")
            .ResolveAsync(async ctx => await ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("credentialId", IdPrefixes.CredentialDefinition)).GetAssessmentPolicyAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<AssessmentPolicyType>>("setAssessmentPolicy")
            .Description("Sets a credential's assessment policy (consensus, retakes, blind review, deadlines, appeals, conflicts, reflections, sessions); applies to attempts submitted afterwards. " +
                "With a steering committee, a published credential's policy changes only to the policy of its newest approved proposeAssessmentPolicy.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential definition (def_…).")
            .Argument<NonNullGraphType<AssessmentPolicyInputType>>("input", "The whole policy; parts left out take their defaults.")
            .ResolveAsync(async ctx => await ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("credentialId", IdPrefixes.CredentialDefinition))
                .SetAssessmentPolicyAsync(ctx.GetArgument<AssessmentPolicyInput>("input").ToPolicy(), ctx.Caller().Actor));

        mutation.Field<NonNullGraphType<ProposalType>>("proposeAssessmentPolicy")
            .Description("Puts an assessment policy for a published credential, exactly as given, to the steering committee; once approved, setAssessmentPolicy with the same policy applies it (admins, or committee members: the committee checks the seat).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("credentialId", "The credential definition (def_…).")
            .Argument<NonNullGraphType<AssessmentPolicyInputType>>("input", "The policy proposed, as setAssessmentPolicy would take it.")
            .Argument<StringGraphType>("note", "Why you propose it, for the committee.")
            .ResolveAsync(async ctx => await ctx.Grains().CredentialDefinition(ctx.Community(), ctx.Id("credentialId", IdPrefixes.CredentialDefinition))
                .ProposeAssessmentPolicyAsync(ctx.GetArgument<AssessmentPolicyInput>("input").ToPolicy(), ctx.GetArgument<string?>("note"), ctx.Caller().Actor, ctx.Caller().Person));
    }
}
