using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Measures a parsed document in one pass: each fragment is measured once and reused wherever it is spread, so the
/// work is linear in the document even when its fragments multiply into millions of fields. Unknown fragments are
/// left to validation; a fragment that spreads itself, or fragments spread inside each other deeper than the stack
/// allows, cannot be measured (<see cref="Problem"/>).
/// </summary>
public sealed class DocumentShapeCounter(GraphQLDocument document)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = DocumentFragments.ByName(document);
    private readonly Dictionary<string, DocumentShape> _measured = new(StringComparer.Ordinal);
    private readonly HashSet<string> _measuring = new(StringComparer.Ordinal);

    /// <summary>Why the document could not be measured, after <see cref="MeasureDocument"/> returned null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Every operation and fragment definition measured and added up: what validation walks. Null when it cannot be measured.</summary>
    public DocumentShape? MeasureDocument() => Sum(document.Definitions, definition => definition switch
    {
        GraphQLOperationDefinition operation => Measure(operation.SelectionSet),
        GraphQLFragmentDefinition fragment => Fragment(fragment.FragmentName.Name.StringValue),
        _ => DocumentShape.Empty,
    });

    private DocumentShape? Measure(GraphQLSelectionSet? selectionSet)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Problem = "Fragments are spread inside each other too deeply.";
            return null;
        }

        return Sum(selectionSet?.Selections ?? [], selection => selection switch
        {
            GraphQLField field => Measure(field.SelectionSet)?.UnderField(field.Alias is not null),
            GraphQLInlineFragment inline => Measure(inline.SelectionSet),
            GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
            _ => DocumentShape.Empty,
        });
    }

    /// <summary>Parts side by side; null as soon as one cannot be measured.</summary>
    private static DocumentShape? Sum(IEnumerable<ASTNode> nodes, Func<ASTNode, DocumentShape?> measure)
    {
        var total = DocumentShape.Empty;
        foreach (var node in nodes)
        {
            if (measure(node) is not { } part)
            {
                return null;
            }

            total = total.Beside(part);
        }

        return total;
    }

    private DocumentShape? Fragment(string name)
    {
        if (_measured.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return DocumentShape.Empty;
        }

        if (!_measuring.Add(name))
        {
            Problem = $"Fragment '{name}' spreads itself (directly or through other fragments); a fragment cannot contain itself.";
            return null;
        }

        var shape = Measure(fragment.SelectionSet);
        _measuring.Remove(name);
        if (shape is not null)
        {
            _measured[name] = shape.Value;
        }

        return shape;
    }
}
