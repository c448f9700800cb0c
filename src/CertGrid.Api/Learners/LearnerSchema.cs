using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Learners;

/// <summary>Learners: admins enrol and list them; a learner manages their own portfolio.</summary>
public sealed class LearnerSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<LearnerType, LearnerProfile>>>("learners")
            .Description("Your community's learners (admin).")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ILearnerDirectoryGrain>(ctx.Community()).ListAsync(ctx.Page()));

        query.Field<NonNullGraphType<LearnerType>>("learner")
            .Description("A learner with their portfolio, attempts and credentials: admins name one; a learner reads themself (id may be left out).")
            .Authorize(AccessRules.Admins | AccessRules.LearnerNamedBy("id"))
            .Argument<IdGraphType>("id", "The learner (lrn_…); left out, the learner the key belongs to.")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.Caller().IsAdmin ? ctx.Id("id", IdPrefixes.Learner) : ctx.OwnLearnerId();
                return await ctx.Grains().Learner(ctx.Community(), id).GetAsync();
            });
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<LearnerType>>("enrolLearner")
            .Description("Enrols a learner in your community (admin).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<EnrolLearnerInputType>>("input", "The learner's name, email and organisation.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var community = ctx.Community();
                var input = ctx.GetArgument<EnrolLearnerInput>("input");
                return await ctx.CreateOnceAsync(IdPrefixes.Learner,
                    id => ctx.Grains().Learner(community, id).EnrolAsync(new EnrolLearner(input.Name, input.Email, input.Organisation), caller.Actor),
                    id => ctx.Grains().Learner(community, id).GetAsync());
            });

        mutation.Field<NonNullGraphType<ArtifactUploadTicketType>>("requestArtifactUpload")
            .Description("Returns a short-lived URL to PUT a portfolio file to (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<RequestArtifactUploadInputType>>("input", "The file's name, size in bytes and content type; the answer says where to upload it.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                var input = ctx.GetArgument<RequestArtifactUploadInput>("input");
                return await ctx.Grains().Learner(ctx.Community(), learnerId)
                    .RequestArtifactUploadAsync(new RequestArtifactUpload(input.ArtifactId, input.Title, input.FileName, input.ContentType, input.SizeBytes));
            });

        mutation.Field<NonNullGraphType<LearnerType>>("setPublicProfileUrl")
            .Description("Publishes a URL (for example your portfolio site) as your identity in credentials issued from now on; null withdraws it (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<StringGraphType>("url", "The learner's public profile URL (https); null removes it.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                var profile = await ctx.Grains().Learner(ctx.Community(), learnerId)
                    .SetPublicProfileUrlAsync(ctx.GetArgument<string?>("url"));
                ctx.Service<VerificationEpoch>().Advance(); // verification pages showing the holder are rendered again
                return profile;
            });

        mutation.Field<NonNullGraphType<ArtifactType>>("setArtifactVisibility")
            .Description("Lets anyone open this artifact's evidence links in your credentials, or only you and admins (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("artifactId", "The portfolio artifact (art_…).")
            .Argument<NonNullGraphType<BooleanGraphType>>("public", "True to let anyone with the credential's evidence link download it.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                var artifactId = EntityId.Require(ctx.GetArgument<string>("artifactId"), IdPrefixes.Artifact, "artifactId");
                var artifact = await ctx.Grains().Learner(ctx.Community(), learnerId)
                    .SetArtifactVisibilityAsync(artifactId, ctx.GetArgument<bool>("public"));
                ctx.Service<VerificationEpoch>().Advance(); // verification pages listing public evidence are rendered again
                return artifact;
            });

        mutation.Field<NonNullGraphType<ArtifactType>>("commitArtifact")
            .Description("Verifies the uploaded file (size, type, SHA-256) and adds it as a new version (learner).")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("artifactId", "The portfolio artifact (art_…).")
            .Argument<NonNullGraphType<IntGraphType>>("version", "The artifact version that was uploaded (from requestArtifactUpload).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var learnerId = ctx.OwnLearnerId();
                var artifactId = EntityId.Require(ctx.GetArgument<string>("artifactId"), IdPrefixes.Artifact, "artifactId");
                return await ctx.Grains().Learner(ctx.Community(), learnerId)
                    .CommitArtifactAsync(artifactId, ctx.GetArgument<int>("version"));
            });
    }
}
