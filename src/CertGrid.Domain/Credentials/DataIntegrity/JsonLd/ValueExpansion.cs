using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>JSON-LD 1.1 Value Expansion (§5.3.2): a scalar under a term becomes a node reference or a value object.</summary>
internal static class ValueExpansion
{
    public static Dictionary<string, object?> Expand(ActiveContext active, string activeProperty, JsonValue value)
    {
        var term = active.Term(activeProperty);
        var text = value.TryGetValue<string>(out var s) ? s : null;
        if (text is not null && term?.TypeMapping is "@id" or "@vocab")
        {
            var iri = IriExpansion.Expand(active, text, documentRelative: true, vocab: term.TypeMapping == "@vocab");
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = iri };
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value };
        if (term?.TypeMapping is { } type and not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = type;
        }
        else if (text is not null && (term is { HasLanguageMapping: true } ? term.Language : active.DefaultLanguage) is { } language)
        {
            result["@language"] = language;
        }

        return result;
    }
}
