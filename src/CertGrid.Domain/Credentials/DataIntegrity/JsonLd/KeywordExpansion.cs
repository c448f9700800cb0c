using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// The keyword entries of one map during expansion (JSON-LD 1.1 §5.1.2 steps 13.4 and 15–19): <c>@id</c>,
/// <c>@type</c>, <c>@graph</c>, <c>@value</c>, <c>@language</c>, <c>@list</c> and <c>@set</c>. <c>@reverse</c>,
/// <c>@index</c>, <c>@included</c>, <c>@nest</c> and <c>@direction</c> are refused as unsupported.
/// </summary>
internal sealed class KeywordExpansion(JsonLdExpansion expansion, ActiveContext active, ActiveContext typeScoped, string? activeProperty, string? baseUrl, string? inputType)
{
    public void Apply(Dictionary<string, object?> result, string keyword, JsonNode? value)
    {
        if (result.ContainsKey(keyword) && keyword != "@type")
        {
            throw new JsonLdException("colliding keywords", $"{keyword} appears twice in one object (under different aliases).");
        }

        switch (keyword)
        {
            case "@id":
                result["@id"] = IriExpansion.Expand(active, Text(value, "@id"), documentRelative: true);
                break;
            case "@type":
                var types = result.TryGetValue("@type", out var existing) ? (List<object?>)existing! : [];
                foreach (var type in value is JsonArray array ? array.ToList() : [value])
                {
                    var iri = typeScoped.ExpandTerm(Text(type, "@type"), documentRelative: true);
                    types.Add(iri is not null && (Iri.IsAbsolute(iri) || Iri.IsBlankNode(iri) || iri == "@json")
                        ? iri : throw new JsonLdException("invalid type value", $"The type '{type}' does not expand to an IRI."));
                }

                result["@type"] = types;
                break;
            case "@graph":
                result["@graph"] = JsonLdExpansion.AsList(expansion.ExpandNested(active, "@graph", value, baseUrl));
                break;
            case "@value":
                if (inputType != "@json" && value is not (null or JsonValue))
                {
                    throw new JsonLdException("invalid value object value", "@value must be a string, number, true, false or null.");
                }

                result["@value"] = value;
                break;
            case "@language":
                result["@language"] = Text(value, "@language").ToLowerInvariant();
                break;
            case "@list":
                if (activeProperty is null or "@graph")
                {
                    throw new JsonLdException("undefined term", "A @list outside any property would be dropped.");
                }

                result["@list"] = JsonLdExpansion.AsList(expansion.ExpandNested(active, activeProperty, value, baseUrl));
                break;
            case "@set":
                result["@set"] = expansion.ExpandNested(active, activeProperty, value, baseUrl);
                break;
            default:
                throw JsonLdException.Unsupported($"The keyword {keyword} in a document");
        }
    }

    /// <summary>Steps 15–19: validate value objects, unwrap <c>@set</c>, drop what the algorithm drops at the top.</summary>
    public static object? Finish(Dictionary<string, object?> result, string? activeProperty)
    {
        if (result.TryGetValue("@value", out var value))
        {
            if (result.Keys.Any(k => k is not ("@value" or "@type" or "@language")) || (result.ContainsKey("@type") && result.ContainsKey("@language")))
            {
                throw new JsonLdException("invalid value object", "A value object may hold only @value with either @type or @language.");
            }

            if (result.TryGetValue("@type", out var type) && type is List<object?> types)
            {
                result["@type"] = types.Count == 1 && types[0] is string single && single != "_:" ? single
                    : throw new JsonLdException("invalid typed value", "A value object has exactly one datatype IRI.");
            }

            if (value is null && result["@type"] as string != "@json")
            {
                return null;
            }

            if (result.ContainsKey("@language") && !(value is JsonValue v && v.TryGetValue<string>(out _)))
            {
                throw new JsonLdException("invalid language-tagged value", "Only a string can have a language.");
            }
        }
        else if (result.ContainsKey("@list") || result.ContainsKey("@set"))
        {
            if (result.Count > 1)
            {
                throw new JsonLdException("invalid set or list object", "@list and @set stand alone in their object.");
            }

            if (result.TryGetValue("@set", out var set))
            {
                return JsonLdExpansion.AsList(set);
            }
        }

        if (result.Count == 1 && result.ContainsKey("@language"))
        {
            return null;
        }

        if ((activeProperty is null or "@graph") && (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list")))
        {
            throw new JsonLdException("undefined term", "A value or list stands outside any node; it would be dropped.");
        }

        return result;
    }

    private static string Text(JsonNode? value, string keyword) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw new JsonLdException($"invalid {keyword[1..]} value", $"{keyword} must be a string.");
}
