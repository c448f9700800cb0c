using CertGrid.Abstractions.Relationships;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Retries;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Relationships;
using GraphQL;
using GraphQL.Types;
using Orleans;

namespace CertGrid.Api.Relationships;

public sealed class RelationshipKindType : EnumerationGraphType<RelationshipKind>
{
    public RelationshipKindType()
    {
        Name = "RelationshipKind";
        Description = "Every kind is a conflict of interest: the two people never assess each other.";
    }
}

public sealed class RelationshipType : ObjectGraphType<Relationship>
{
    public RelationshipType()
    {
        Name = "Relationship";
        Description = "A declared relationship between two people; neither will ever assess the other.";
        Field(x => x.From, nullable: false).Description("learner:<id> or evaluator:<id>.");
        Field(x => x.To, nullable: false).Description("The other person: learner:<id> or evaluator:<id>.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<RelationshipKindType>)).Description("How the two are related; every kind is a conflict of interest.");
        Field(x => x.DeclaredBy, nullable: false).Description("Who declared it (audit actor).");
        Field(x => x.Since, nullable: false).Description("When it was declared (UTC instant).");
        Field(x => x.Until, nullable: true).Description("When it was ended (UTC instant); null while it lasts.");
        Field(x => x.Note, nullable: true).Description("A note on the relationship; null when none was given.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>
/// Declared relationships (mentor, sponsor, colleague, ...), which conflict-of-interest rules read at every assignment.
/// Learners and evaluators declare their own; admins declare between any two people.
/// </summary>
public sealed class RelationshipSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("relationships")
            .Description("A person's declared relationships: your own (learner or evaluator key), or anyone's for admins.")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("person"))
            .Argument<StringGraphType>("person", "'learner:<id>' or 'evaluator:<id>'; required for admins, defaults to yourself.")
            .ResolveAsync(async ctx => await ctx.Grains().Relationships(ctx.Community(), Person(ctx)).ListAsync());

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<RelationshipType>>("declareRelationship")
            .Description("Declares a relationship between you (or, for admins, 'person') and 'otherPerson'; neither will ever assess the other.")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("person"))
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("otherPerson", "learner:<id> or evaluator:<id>.")
            .Argument<NonNullGraphType<RelationshipKindType>>("kind", "What the relationship is.")
            .Argument<StringGraphType>("note", "Anything an admin should know about it.")
            .Argument<StringGraphType>("person", "Admins only: whose relationship it is.")
            .ResolveAsync(async ctx =>
            {
                var person = Person(ctx);
                var other = PersonRef.Require(ctx.GetArgument<string>("otherPerson"), "otherPerson");
                return await ctx.Grains().Relationships(ctx.Community(), person)
                    .DeclareAsync(other, ctx.GetArgument<RelationshipKind>("kind"), ctx.GetArgument<string?>("note"), ctx.Caller().Actor);
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("endRelationship")
            .Description("Ends a declared relationship (it stays in the history and the audit log).")
            .Authorize(AccessRules.Admins | AccessRules.PersonNamedBy("person"))
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("otherPerson", "The other person: 'learner:<id>' or 'evaluator:<id>'.")
            .Argument<NonNullGraphType<RelationshipKindType>>("kind", "What the relationship is.")
            .Argument<StringGraphType>("person", "Admins only: whose relationship it is.")
            .ResolveAsync(async ctx =>
            {
                var grain = ctx.Grains().Relationships(ctx.Community(), Person(ctx));
                await grain.EndAsync(PersonRef.Require(ctx.GetArgument<string>("otherPerson"), "otherPerson"), ctx.GetArgument<RelationshipKind>("kind"), ctx.Caller().Actor);
                return await grain.ListAsync();
            });
    }

    /// <summary>The calling learner or evaluator, or for admins the person the 'person' argument names.</summary>
    private static string Person(IResolveFieldContext ctx) =>
        ctx.Caller().IsAdmin ? PersonRef.Require(ctx.GetArgument<string?>("person"), "person") : ctx.OwnPerson();
}
