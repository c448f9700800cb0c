using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Recognition;
using CertGrid.Abstractions.Relationships;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Governance;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Recognition;

/// <summary>
/// Mentorship and sponsorship by credential holders (recorded as relationships, so conflict-of-interest rules see
/// them), and contributor badges awarded when the community's thresholds are met.
/// </summary>
public sealed class RecognitionSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BadgeRuleType>>>>("recognitionPolicy")
            .Description("Which badges contributions earn, and at what count (any member).")
            .Authorize(AccessRules.Members)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IRecognitionPolicyGrain>(ctx.Community()).GetAsync());

        query.Field<NonNullGraphType<ContributorType>>("contributor")
            .Description("A contributor's counted contributions and badges: yourself (learner or evaluator key), or anyone (admin).")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("person"))
            .Argument<StringGraphType>("person", "'learner:<id>' or 'evaluator:<id>'; required for admins, defaults to yourself.")
            .ResolveAsync(async ctx => await ctx.Grains().Contributor(ctx.Community(), Person(ctx, "person")).GetAsync());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentorshipType>>>>("mentorships")
            .Description("Mentor and sponsor relationships of a person: yourself (learner or evaluator key), or anyone (admin).")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("person"))
            .Argument<StringGraphType>("person", "'learner:<id>' or 'evaluator:<id>'; required for admins, defaults to yourself.")
            .ResolveAsync(async ctx => (await ctx.Grains().Relationships(ctx.Community(), Person(ctx, "person")).ListAsync())
                .Where(r => r.Kind is RelationshipKind.Mentor or RelationshipKind.Sponsor).ToList());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BadgeRuleType>>>>("setRecognitionPolicy")
            .Description("Sets the contributor badges: mentor, evaluator and curator badges as published micro-credentials with thresholds (admin). " +
                "With a steering committee, only to the badges of the newest approved proposeRecognitionPolicy.")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<BadgeRuleInputType>>>>("badges", "Every badge the community offers from now on (replaces the current ones).")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IRecognitionPolicyGrain>(ctx.Community()).SetAsync(Badges(ctx), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ProposalType>>("proposeRecognitionPolicy")
            .Description("Puts contributor badges, exactly as given, to the steering committee; once approved, setRecognitionPolicy with the same badges applies them (admin or committee member).")
            .Authorize(AccessRules.Proposers)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<BadgeRuleInputType>>>>("badges", "The badges proposed, as setRecognitionPolicy would take them.")
            .Argument<StringGraphType>("note", "Why you propose them, for the committee.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                return await ctx.Grains().GetGrain<IRecognitionPolicyGrain>(ctx.Community()).ProposeAsync(Badges(ctx), ctx.GetArgument<string?>("note"), caller.Actor, caller.Person);
            });

        mutation.Field<NonNullGraphType<MentorshipType>>("declareMentorship")
            .Description("A credential holder mentors or sponsors a learner of the community (learner key of the holder, or an admin naming the mentor). " +
                "Mentoring counts toward the mentor badge once confirmed: at once when an admin declares it, otherwise when the mentee confirms it (confirmMentorship).")
            .Authorize(AccessRules.Admins | AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<DeclareMentorshipInputType>>("input", "The learner mentored, the kind and, for admins, the mentor.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var input = ctx.GetArgument<DeclareMentorshipInput>("input");
                var (community, mentor) = await HolderAsync(ctx, caller, input.Mentor);
                var mentee = EntityId.Require(input.LearnerId, IdPrefixes.Learner, "input.learnerId");
                var kind = input.Kind == MentorshipKind.Sponsor ? RelationshipKind.Sponsor : RelationshipKind.Mentor;
                var relationship = await ctx.Grains().Relationships(community, mentor)
                    .DeclareAsync(PersonRef.Learner(mentee), kind, input.Note, caller.Actor);
                return kind == RelationshipKind.Mentor && caller.IsAdmin
                    ? await ctx.Grains().Relationships(community, mentor).ConfirmMentorshipAsync(PersonRef.Learner(mentee), caller.Actor)
                    : relationship;
            });

        mutation.Field<NonNullGraphType<MentorshipType>>("confirmMentorship")
            .Description("The mentee confirms that a credential holder mentors them (the mentee's learner key); only confirmed mentoring counts toward the mentor badge and the mentor's continuing-education credits.")
            .Authorize(AccessRules.Learners)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("mentor", "The mentor who declared the mentorship: 'learner:<id>'.")
            .ResolveAsync(async ctx =>
            {
                var (community, mentee) = (ctx.Community(), ctx.OwnLearnerId());
                var mentor = PersonRef.Require(ctx.GetArgument<string>("mentor"), "mentor");
                return await ctx.Grains().Relationships(community, mentor).ConfirmMentorshipAsync(PersonRef.Learner(mentee), ctx.Caller().Actor);
            });

        mutation.Field<BooleanGraphType>("endMentorship")
            .Description("Ends a mentorship or sponsorship (the mentor, or an admin naming them); it stays in the history.")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("mentor"))
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IdGraphType>>("learnerId", "The learner mentored (lrn_…).")
            .Argument<NonNullGraphType<MentorshipKindType>>("kind", "MENTOR or SPONSOR.")
            .Argument<StringGraphType>("mentor", "Admins only: the mentor, 'learner:<id>'.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var (community, mentor) = (ctx.Community(), Person(ctx, "mentor"));
                var mentee = EntityId.Require(ctx.GetArgument<string>("learnerId"), IdPrefixes.Learner, "learnerId");
                var kind = ctx.GetArgument<MentorshipKind>("kind") == MentorshipKind.Sponsor ? RelationshipKind.Sponsor : RelationshipKind.Mentor;
                await ctx.Grains().Relationships(community, mentor).EndAsync(PersonRef.Learner(mentee), kind, caller.Actor);
                return true;
            });
    }

    private static List<BadgeRule> Badges(IResolveFieldContext ctx) =>
        ctx.GetArgument<List<BadgeRuleInput>>("badges").Select(b => new BadgeRule(b.Kind, b.CredentialId, b.Threshold)).ToList();

    /// <summary>The person a field is about: the calling learner or evaluator, or for admins the one the argument names.</summary>
    private static string Person(IResolveFieldContext ctx, string argument) =>
        ctx.Caller().IsAdmin ? PersonRef.Require(ctx.GetArgument<string?>(argument), argument) : ctx.OwnPerson();

    /// <summary>The mentor: a learner who holds a valid credential of the community.</summary>
    private static async Task<(string Community, string Mentor)> HolderAsync(IResolveFieldContext ctx, Caller caller, string? named)
    {
        var (community, person) = (ctx.Community(), caller.IsAdmin ? PersonRef.Require(named, "input.mentor") : PersonRef.Learner(ctx.OwnLearnerId()));
        if (!person.StartsWith("learner:", StringComparison.Ordinal))
        {
            throw CertGridException.Invalid("input.mentor", "A mentor is a learner who holds a credential ('learner:<id>').");
        }

        await ctx.Grains().GetGrain<IEligibilityGrain>(community).RequireCredentialHolderAsync(person["learner:".Length..]);
        return (community, person);
    }
}
