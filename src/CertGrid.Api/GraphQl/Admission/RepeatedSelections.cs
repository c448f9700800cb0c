using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Finds a response name selected more often than allowed at one place, where GraphQL merges selections (a
/// selection set with its inline fragments and spread fragments, and below it the merged selections of each
/// repeated field). Validation compares every pair of such selections, so its time grows with the square of their
/// number: 3,000 copies of one field took 13 s. The walk itself visits each selection once per place it is spread.
/// </summary>
public sealed class RepeatedSelections(GraphQLDocument document, int max)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = DocumentFragments.ByName(document);

    /// <summary>The first response name over the limit and how often it is selected there; null when none is.</summary>
    public (string ResponseName, int Count)? FindOverLimit()
    {
        foreach (var definition in document.Definitions)
        {
            var selectionSet = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            if (selectionSet is not null && Check([selectionSet]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private (string, int)? Check(List<GraphQLSelectionSet> merged)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return ("(nested fragments)", int.MaxValue);
        }

        var byResponseName = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        var spread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in merged)
        {
            Collect(selectionSet, byResponseName, spread);
        }

        foreach (var (name, fields) in byResponseName)
        {
            if (fields.Count > max)
            {
                return (name, fields.Count);
            }
        }

        foreach (var fields in byResponseName.Values)
        {
            var below = fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!).ToList();
            if (below.Count > 0 && Check(below) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private void Collect(GraphQLSelectionSet selectionSet, Dictionary<string, List<GraphQLField>> byResponseName, HashSet<string> spread)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!byResponseName.TryGetValue(name, out var fields))
                    {
                        byResponseName[name] = fields = [];
                    }

                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, byResponseName, spread);
                    break;
                case GraphQLFragmentSpread fragmentSpread when spread.Add(fragmentSpread.FragmentName.Name.StringValue)
                    && _fragments.TryGetValue(fragmentSpread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, byResponseName, spread);
                    break;
            }
        }
    }
}
