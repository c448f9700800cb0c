using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Where one operation of a document has arguments and directives to coerce: the fields with arguments (with the
/// schema's definitions of those arguments) and the nodes with directives, found by the walk GraphQL.NET's
/// validator makes on every request to coerce them (its <c>ParseArgumentVisitor</c>, followed step by step: the same
/// types entered, each fragment visited once). Where they are depends only on the document and the schema, so a
/// document's sites are found once (<see cref="PreparedDocumentValidator"/>) and each request coerces its values there.
/// </summary>
public sealed class ArgumentSites
{
    private ArgumentSites(IReadOnlyList<(GraphQLField Field, QueryArguments? Definitions)> fields, IReadOnlyList<IHasDirectivesNode> directives)
    {
        Fields = fields;
        Directives = directives;
    }

    /// <summary>The fields that pass arguments, with the arguments their field type defines.</summary>
    public IReadOnlyList<(GraphQLField Field, QueryArguments? Definitions)> Fields { get; }

    /// <summary>The nodes that carry directives.</summary>
    public IReadOnlyList<IHasDirectivesNode> Directives { get; }

    public static ArgumentSites Find(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var walk = new Walk(schema, document);
        // Every method of the finder completes synchronously: nothing here waits.
        Finder.Instance.VisitAsync(operation, walk).AsTask().GetAwaiter().GetResult();
        return new ArgumentSites(walk.Fields, walk.DirectiveNodes);
    }

    private sealed class Walk(ISchema schema, GraphQLDocument document) : IASTVisitorContext
    {
        public ISchema Schema { get; } = schema;

        public GraphQLDocument Document { get; } = document;

        public Stack<IComplexGraphType> Types { get; } = new();

        public IComplexGraphType? Type => Types.Count > 0 ? Types.Peek() : null;

        public HashSet<ROM> VisitedFragments { get; } = [];

        public List<(GraphQLField, QueryArguments?)> Fields { get; } = [];

        public List<IHasDirectivesNode> DirectiveNodes { get; } = [];

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class Finder : ASTVisitor<Walk>
    {
        public static readonly Finder Instance = new();

        public override ValueTask VisitAsync(ASTNode? node, Walk walk)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 } directed)
            {
                walk.DirectiveNodes.Add(directed);
            }

            return base.VisitAsync(node, walk);
        }

        protected override async ValueTask VisitOperationDefinitionAsync(GraphQLOperationDefinition operation, Walk walk)
        {
            IObjectGraphType? root = operation.Operation switch
            {
                OperationType.Query => walk.Schema.Query,
                OperationType.Mutation => walk.Schema.Mutation,
                OperationType.Subscription => walk.Schema.Subscription,
                _ => null,
            };
            if (root is not null)
            {
                walk.Types.Push(root);
                await base.VisitOperationDefinitionAsync(operation, walk);
                walk.Types.Pop();
            }
        }

        protected override ValueTask VisitInlineFragmentAsync(GraphQLInlineFragment fragment, Walk walk) => fragment.TypeCondition is null
            ? base.VisitInlineFragmentAsync(fragment, walk)
            : EnterAsync(fragment.TypeCondition, walk, () => base.VisitInlineFragmentAsync(fragment, walk));

        protected override ValueTask VisitFragmentSpreadAsync(GraphQLFragmentSpread spread, Walk walk)
        {
            var name = spread.FragmentName.Name.Value;
            return walk.VisitedFragments.Add(name) && walk.Document.FindFragmentDefinition(name) is { } definition
                ? VisitAsync(definition, walk)
                : default;
        }

        protected override ValueTask VisitFragmentDefinitionAsync(GraphQLFragmentDefinition fragment, Walk walk) =>
            EnterAsync(fragment.TypeCondition, walk, () => base.VisitFragmentDefinitionAsync(fragment, walk));

        protected override async ValueTask VisitFieldAsync(GraphQLField field, Walk walk)
        {
            var schema = walk.Schema;
            var name = field.Name.Value;
            var fieldType = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : walk.Type?.Fields.Find(name);
            if (fieldType is null)
            {
                return;
            }

            if (field.Arguments is { Count: > 0 })
            {
                walk.Fields.Add((field, fieldType.Arguments));
            }

            switch (fieldType.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    walk.Types.Push(complex);
                    await base.VisitFieldAsync(field, walk);
                    walk.Types.Pop();
                    break;
                case UnionGraphType:
                    await base.VisitFieldAsync(field, walk);
                    break;
            }
        }

        /// <summary>Visits a fragment in its type condition's type, as GraphQL.NET's walk does (an abstract type: in the enclosing one).</summary>
        private static async ValueTask EnterAsync(GraphQLTypeCondition condition, Walk walk, Func<ValueTask> visit)
        {
            switch (walk.Schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType complex:
                    walk.Types.Push(complex);
                    await visit();
                    walk.Types.Pop();
                    break;
                case IAbstractGraphType:
                    await visit();
                    break;
            }
        }
    }
}
