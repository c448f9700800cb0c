using System.Globalization;
using CertGrid.Abstractions.Paging;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Cost;

/// <summary>
/// The cost of an operation in points, before it runs, in the style of Shopify's and GitHub's public GraphQL APIs:
/// an object field costs <see cref="ObjectPoints"/>, a scalar nothing, a root mutation field
/// <see cref="MutationPoints"/> more, an expensive field what <see cref="FieldCosts"/> says; whatever is selected
/// under a list is multiplied by the number of items asked for (<c>first</c>, else the page size, else the list's
/// expected size). Every aliased copy counts. Introspection costs <see cref="IntrospectionPoints"/> whatever it
/// selects. Fragments are priced once and reused, so the work is linear in the document.
/// </summary>
public sealed class OperationCostCalculator
{
    public const double ObjectPoints = 1;
    public const double MutationPoints = 10;
    public const double IntrospectionPoints = 10;

    /// <summary>How many items a list without <c>first</c> or an expected size is counted as.</summary>
    public const double UnboundedListItems = 10;

    /// <summary>Field metadata: how many items a bounded list usually holds (see <see cref="Schema.ComplexityHints"/>).</summary>
    public const string ExpectedItemsKey = "certgrid.expectedItems";

    private const double MaxItems = 1_000_000;

    private readonly ISchema _schema;
    private readonly Inputs? _variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly Dictionary<string, double> _fragmentCosts = new(StringComparer.Ordinal);
    private bool _readsVariables;

    private OperationCostCalculator(ISchema schema, GraphQLDocument document, Inputs? variables)
    {
        _schema = schema;
        _variables = variables;
        _fragments = Admission.DocumentFragments.ByName(document);
    }

    /// <summary>
    /// The operation's cost in whole points (rounded up), and whether it depends on the variables (a <c>first</c>
    /// given by one): when it does not, every request of the operation costs the same.
    /// </summary>
    public static (long Points, bool DependsOnVariables) Calculate(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, Inputs? variables)
    {
        var root = operation.Operation == OperationType.Mutation ? schema.Mutation : schema.Query;
        if (root is null)
        {
            return (0, false);
        }

        var calculator = new OperationCostCalculator(schema, document, variables);
        var cost = calculator.SelectionCost(operation.SelectionSet, root);
        return ((long)Math.Ceiling(Math.Min(cost, long.MaxValue / 2d)), calculator._readsVariables);
    }

    private double SelectionCost(GraphQLSelectionSet selectionSet, IGraphType parent)
    {
        var total = 0d;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                GraphQLField field => FieldCost(field, parent),
                GraphQLInlineFragment inline => SelectionCost(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? parent),
                GraphQLFragmentSpread spread => FragmentCost(spread.FragmentName.Name.StringValue),
                _ => 0,
            };
        }

        return total;
    }

    private double FieldCost(GraphQLField field, IGraphType parent)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            return 0;
        }

        if (name is "__schema" or "__type")
        {
            return IntrospectionPoints;
        }

        if ((parent as IComplexGraphType)?.GetField(name) is not { } definition)
        {
            return ObjectPoints; // not in the schema: validation refuses it before it runs
        }

        var first = ItemsArgument(field);
        var own = field.SelectionSet is null ? 0 : ObjectPoints;
        if (ReferenceEquals(parent, _schema.Mutation))
        {
            own += MutationPoints;
        }

        if (FieldCosts.ByCoordinate.TryGetValue($"{parent.Name}.{name}", out var extra))
        {
            own += extra.Points + (extra.PerItem * (first ?? extra.DefaultItems));
        }

        if (field.SelectionSet is null)
        {
            return own;
        }

        var (type, isList) = Unwrap(definition.ResolvedType);
        var items = first
            ?? (definition.Arguments?.Find("first") is not null ? PageRequest.DefaultPageSize
            : isList ? definition.GetMetadata<double?>(ExpectedItemsKey) ?? UnboundedListItems
            : 1);
        return own + (items * SelectionCost(field.SelectionSet, type ?? parent));
    }

    private double FragmentCost(string name)
    {
        if (_fragmentCosts.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        _fragmentCosts[name] = 0; // a fragment cycle is refused before costing; this only keeps the walk finite
        var cost = TypeNamed(fragment.TypeCondition) is { } type ? SelectionCost(fragment.SelectionSet, type) : 0;
        return _fragmentCosts[name] = cost;
    }

    /// <summary>The <c>first</c> argument as a literal or a variable; null when absent or not a whole number.</summary>
    private double? ItemsArgument(GraphQLField field)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "first")?.Value;
        _readsVariables |= value is GraphQLVariable;
        var number = value switch
        {
            GraphQLIntValue literal => double.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null,
            GraphQLVariable variable when _variables?.TryGetValue(variable.Name.StringValue, out var supplied) == true => supplied switch
            {
                int i => i,
                long l => l,
                double d when d == Math.Floor(d) => d,
                decimal m when m == decimal.Floor(m) => (double)m,
                System.Numerics.BigInteger b => (double)b,
                _ => null,
            },
            _ => null,
        };
        return number is { } n ? Math.Clamp(n, 0, MaxItems) : null;
    }

    private IGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
        condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue];

    private static (IGraphType? Type, bool IsList) Unwrap(IGraphType? type)
    {
        var isList = false;
        while (type is IProvideResolvedType wrapper)
        {
            isList |= type is ListGraphType;
            type = wrapper.ResolvedType;
        }

        return (type, isList);
    }
}
