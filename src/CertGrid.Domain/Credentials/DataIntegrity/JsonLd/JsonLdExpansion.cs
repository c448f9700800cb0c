using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD 1.1 Expansion (§5.1.2) into maps (<c>Dictionary&lt;string, object?&gt;</c>) and arrays
/// (<c>List&lt;object?&gt;</c>), with scalars kept as their <see cref="JsonValue"/>. Property-scoped and type-scoped
/// contexts, protected terms, <c>@type: @id/@vocab/@json</c>, <c>@list</c>/<c>@set</c>/<c>@graph</c> containers and
/// value objects are supported. Where a general processor would silently drop data (a term no context defines, a
/// free-floating value) this one throws, so nothing a credential says is left out of what is signed.
/// </summary>
internal sealed class JsonLdExpansion(ContextProcessor contexts)
{
    public List<object?> Expand(JsonNode document)
    {
        var expanded = Expand(ActiveContext.Empty, null, document, null, fromMap: false);
        if (expanded is Dictionary<string, object?> { Count: 1 } only && only.TryGetValue("@graph", out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            List<object?> list => list,
            _ => [expanded],
        };
    }

    private object? Expand(ActiveContext active, string? activeProperty, JsonNode? element, string? baseUrl, bool fromMap)
    {
        if (element is null)
        {
            return null;
        }

        var propertyTerm = active.Term(activeProperty);
        if (element is JsonValue scalar)
        {
            if (activeProperty is null or "@graph")
            {
                throw new JsonLdException("undefined term", $"The value {scalar.ToJsonString()} stands outside any property; it would be dropped.");
            }

            if (propertyTerm?.LocalContext is { } scoped)
            {
                active = contexts.Process(active, scoped, propertyTerm.BaseUrl, overrideProtected: true);
            }

            return ValueExpansion.Expand(active, activeProperty, scalar);
        }

        if (element is JsonArray array)
        {
            var items = new List<object?>(array.Count);
            foreach (var item in array)
            {
                var expandedItem = Expand(active, activeProperty, item, baseUrl, fromMap);
                if (propertyTerm is { Container: JsonLdContainer.List } && expandedItem is List<object?> nested)
                {
                    expandedItem = new Dictionary<string, object?> { ["@list"] = nested };
                }

                if (expandedItem is List<object?> flattened)
                {
                    items.AddRange(flattened);
                }
                else if (expandedItem is not null)
                {
                    items.Add(expandedItem);
                }
            }

            return items;
        }

        return ExpandMap(active, activeProperty, propertyTerm, (JsonObject)element, baseUrl, fromMap);
    }

    private object? ExpandMap(ActiveContext active, string? activeProperty, TermDefinition? propertyTerm, JsonObject map, string? baseUrl, bool fromMap)
    {
        if (active.Previous is { } previous && !fromMap && !IsValueOrReference(active, map))
        {
            active = previous;
        }

        if (propertyTerm?.LocalContext is { } scoped)
        {
            active = contexts.Process(active, scoped, propertyTerm.BaseUrl, overrideProtected: true);
        }

        if (map.TryGetPropertyValue("@context", out var local))
        {
            active = contexts.Process(active, local, baseUrl);
        }

        var typeScoped = active;
        string? inputType = null;
        var typeEntries = new List<KeyValuePair<string, JsonNode?>>(1);
        foreach (var entry in map)
        {
            if (active.ExpandTerm(entry.Key) == "@type")
            {
                typeEntries.Add(entry);
            }
        }

        typeEntries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (_, value) in typeEntries)
        {
            var types = (value is JsonArray a ? a.ToList() : [value]).Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
            foreach (var type in types.OfType<string>().Order(StringComparer.Ordinal))
            {
                if (typeScoped.Term(type) is { LocalContext: { } typeContext } definition)
                {
                    active = contexts.Process(active, typeContext, definition.BaseUrl, propagate: false);
                }
            }

            inputType = types.LastOrDefault() is { } last ? active.ExpandTerm(last, documentRelative: true) : null;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (key == "@context")
            {
                continue;
            }

            var property = active.ExpandTerm(key);
            if (property is null || (!property.Contains(':', StringComparison.Ordinal) && !JsonLdKeywords.IsKeyword(property)))
            {
                throw new JsonLdException("undefined term", $"'{key}' is not defined by the document's JSON-LD contexts, so it would be dropped from the signed data; define it in a context or remove it.");
            }

            if (JsonLdKeywords.IsKeyword(property))
            {
                new KeywordExpansion(this, active, typeScoped, activeProperty, baseUrl, inputType).Apply(result, property, value);
            }
            else
            {
                AddProperty(active, result, key, property, value, baseUrl);
            }
        }

        return KeywordExpansion.Finish(result, activeProperty);
    }

    internal object? ExpandNested(ActiveContext active, string? activeProperty, JsonNode? element, string? baseUrl) =>
        Expand(active, activeProperty, element, baseUrl, fromMap: false);

    private void AddProperty(ActiveContext active, Dictionary<string, object?> result, string key, string property, JsonNode? value, string? baseUrl)
    {
        var term = active.Term(key);
        object? expanded = term?.TypeMapping == "@json"
            ? new Dictionary<string, object?> { ["@value"] = value, ["@type"] = "@json" }
            : Expand(active, key, value, baseUrl, fromMap: false);
        if (expanded is null)
        {
            return;
        }

        var container = term?.Container ?? JsonLdContainer.None;
        if (container.HasFlag(JsonLdContainer.List) && !(expanded is Dictionary<string, object?> m && m.ContainsKey("@list")))
        {
            expanded = new Dictionary<string, object?> { ["@list"] = AsList(expanded) };
        }

        if (container.HasFlag(JsonLdContainer.Graph))
        {
            expanded = AsList(expanded).Select(item => (object?)new Dictionary<string, object?> { ["@graph"] = AsList(item) }).ToList();
        }

        if (!result.TryGetValue(property, out var existing))
        {
            result[property] = existing = new List<object?>();
        }

        if (expanded is List<object?> many)
        {
            ((List<object?>)existing!).AddRange(many);
        }
        else
        {
            ((List<object?>)existing!).Add(expanded);
        }
    }

    internal static List<object?> AsList(object? value) => value switch
    {
        null => [],
        List<object?> list => list,
        _ => [value],
    };

    // JSON-LD 1.1 §5.1.2 step 7: a value object or a bare node reference keeps the type-scoped context.
    private static bool IsValueOrReference(ActiveContext active, JsonObject map)
    {
        foreach (var (key, _) in map)
        {
            var expanded = active.ExpandTerm(key);
            if (expanded == "@value" || (map.Count == 1 && expanded == "@id"))
            {
                return true;
            }
        }

        return false;
    }
}
