using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>A document's fragment definitions by name (the first of a name wins; validation refuses a second one).</summary>
public static class DocumentFragments
{
    public static Dictionary<string, GraphQLFragmentDefinition> ByName(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        return fragments;
    }
}
