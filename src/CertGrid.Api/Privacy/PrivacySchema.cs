using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Learners;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

/// <summary>Data rights (issue 17, part 4): a learner's erasure and rectification. See docs/privacy.md.</summary>
public sealed class PrivacySchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LearnerErasureType>>("eraseLearner")
            .Description("Erases a learner's personal data everywhere CertGrid holds it (right to erasure): a learner erases themself; admins name one. "
                + "Cannot be undone. Their credentials are revoked; the audit chain keeps its entries without their details and still verifies.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .SafeToRunAgain()
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                return await ctx.Grains().Learner(ctx.Community(), id).EraseAsync(ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<LearnerType>>("rectifyLearner")
            .Description("Corrects a learner's name, email or organisation everywhere CertGrid keeps a copy (right to rectification): a learner corrects "
                + "themself; admins name one. Credentials already issued keep the name they were signed with; re-issue one to carry the new name.")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("learnerId"))
            .SafeToRunAgain()
            .Argument<IdGraphType>("learnerId", "The learner (lrn_…); required for admins, left out by learners.")
            .Argument<NonNullGraphType<RectifyLearnerInputType>>("input", "The corrected fields; the others stay as they are.")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Caller().IsAdmin ? ctx.Id("learnerId", IdPrefixes.Learner) : ctx.OwnLearnerId();
                var input = ctx.GetArgument<RectifyLearnerInput>("input");
                return await ctx.Grains().Learner(ctx.Community(), id).RectifyAsync(new RectifyLearner(input.Name, input.Email, input.Organisation), ctx.Caller().Actor);
            });
    }
}
