using CertGrid.Abstractions.Relationships;
using CertGrid.Api.Access;
using CertGrid.Api.GraphQl;
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
        Field(x => x.From, nullable: false).Description("learner:<id> or evaluator:<id>.");
        Field(x => x.To, nullable: false);
        Field(x => x.Kind, type: typeof(NonNullGraphType<RelationshipKindType>));
        Field(x => x.DeclaredBy, nullable: false).Description("Who declared it (audit actor).");
        Field(x => x.Since, nullable: false);
        Field(x => x.Until, nullable: true);
        Field(x => x.Note, nullable: true);
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
            .Description("A person's declared relationships: your own, or anyone's for admins ('learner:<id>' or 'evaluator:<id>').")
            .Argument<StringGraphType>("person")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var person = Person(caller, ctx.GetArgument<string?>("person"), "person");
                return await ctx.Grains().GetGrain<IRelationshipsGrain>(new ScopedKey(caller.Community!, person).ToString()).ListAsync();
            });

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<RelationshipType>>("declareRelationship")
            .Description("Declares a relationship between you (or, for admins, 'person') and 'otherPerson'; neither will ever assess the other.")
            .Argument<NonNullGraphType<StringGraphType>>("otherPerson", "learner:<id> or evaluator:<id>.")
            .Argument<NonNullGraphType<RelationshipKindType>>("kind")
            .Argument<StringGraphType>("note")
            .Argument<StringGraphType>("person", "Admins only: whose relationship it is.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var person = Person(caller, ctx.GetArgument<string?>("person"), "person");
                var other = PersonRef.Require(ctx.GetArgument<string>("otherPerson"), "otherPerson");
                return await ctx.Grains().GetGrain<IRelationshipsGrain>(new ScopedKey(caller.Community!, person).ToString())
                    .DeclareAsync(other, ctx.GetArgument<RelationshipKind>("kind"), ctx.GetArgument<string?>("note"), caller.Actor);
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("endRelationship")
            .Description("Ends a declared relationship (it stays in the history and the audit log).")
            .Argument<NonNullGraphType<StringGraphType>>("otherPerson")
            .Argument<NonNullGraphType<RelationshipKindType>>("kind")
            .Argument<StringGraphType>("person", "Admins only: whose relationship it is.")
            .ResolveAsync(async ctx =>
            {
                var caller = ctx.Caller();
                var person = Person(caller, ctx.GetArgument<string?>("person"), "person");
                var grain = ctx.Grains().GetGrain<IRelationshipsGrain>(new ScopedKey(caller.Community!, person).ToString());
                await grain.EndAsync(PersonRef.Require(ctx.GetArgument<string>("otherPerson"), "otherPerson"), ctx.GetArgument<RelationshipKind>("kind"), caller.Actor);
                return await grain.ListAsync();
            });
    }

    /// <summary>The caller themself, or for admins the named person.</summary>
    private static string Person(Caller caller, string? named, string field)
    {
        caller.RequireMember();
        if (caller.IsAdmin)
        {
            return PersonRef.Require(named, field);
        }

        var self = caller.Role switch
        {
            Domain.Access.Role.Learner => PersonRef.Learner(caller.SubjectId!),
            Domain.Access.Role.Evaluator => PersonRef.Evaluator(caller.SubjectId!),
            _ => throw CertGridException.Forbidden("Only learners, evaluators and admins declare relationships."),
        };
        return named is null || named.Trim() == self
            ? self
            : throw CertGridException.Forbidden("You can only declare and read your own relationships; an admin can record others.");
    }
}
