using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD 1.1 Create Term Definition (§4.2.2) for the terms of one local context, into the active context being
/// built. Supports simple and expanded definitions with <c>@id</c>, <c>@type</c>, <c>@container</c> (<c>@set</c>,
/// <c>@list</c>, <c>@graph</c>), <c>@context</c>, <c>@language</c>, <c>@prefix</c> and <c>@protected</c>; refuses
/// <c>@reverse</c>, <c>@index</c>, <c>@nest</c>, <c>@direction</c> and other containers rather than ignore them.
/// </summary>
internal sealed class TermDefinitionBuilder(ActiveContext result, JsonObject local, string? baseUrl, bool protectedByDefault, bool overrideProtected)
{
    private static readonly HashSet<string> AllowedEntries = new(StringComparer.Ordinal)
    {
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
    };

    private readonly Dictionary<string, bool> defined = new(StringComparer.Ordinal);

    public void Define(string term)
    {
        if (defined.TryGetValue(term, out var done))
        {
            if (!done)
            {
                throw new JsonLdException("cyclic IRI mapping", $"The term '{term}' is defined in terms of itself.");
            }

            return;
        }

        if (term.Length == 0)
        {
            throw new JsonLdException("invalid term definition", "A term may not be the empty string.");
        }

        defined[term] = false;
        var value = local[term];
        if (term == "@type")
        {
            throw JsonLdException.Unsupported("Redefining @type");
        }

        if (JsonLdKeywords.IsKeyword(term))
        {
            throw new JsonLdException("keyword redefinition", $"The keyword '{term}' cannot be redefined.");
        }

        if (JsonLdKeywords.HasKeywordForm(term))
        {
            defined[term] = true;
            return;
        }

        result.Terms.Remove(term, out var previous);
        var entries = value switch
        {
            null => new JsonObject { ["@id"] = null },
            JsonValue simple when simple.TryGetValue<string>(out var simpleIri) => new JsonObject { ["@id"] = simpleIri },
            JsonObject expanded => expanded,
            _ => throw new JsonLdException("invalid term definition", $"The definition of '{term}' must be a string, an object or null."),
        };
        var simpleTerm = value is not JsonObject;
        foreach (var (key, _) in entries)
        {
            if (!AllowedEntries.Contains(key))
            {
                throw new JsonLdException("invalid term definition", $"The definition of '{term}' has an unknown entry '{key}'.");
            }
        }

        foreach (var unsupported in new[] { "@reverse", "@index", "@nest", "@direction" })
        {
            if (entries.ContainsKey(unsupported))
            {
                throw JsonLdException.Unsupported($"'{unsupported}' in the definition of '{term}'");
            }
        }

        var isProtected = entries.TryGetPropertyValue("@protected", out var p) ? Bool(p, "@protected") : protectedByDefault;
        var typeMapping = TypeMapping(term, entries);
        var (iri, isPrefix) = IriMapping(term, entries, simpleTerm);
        var container = Container(term, entries);
        var hasLanguage = entries.TryGetPropertyValue("@language", out var language) && typeMapping is null;
        var definition = new TermDefinition(
            iri,
            isPrefix,
            isProtected,
            typeMapping,
            container,
            hasLanguage,
            hasLanguage ? LanguageTag(language) : null,
            entries.TryGetPropertyValue("@context", out var scoped) ? scoped ?? new JsonArray((JsonNode?)null) : null,
            baseUrl);

        if (!overrideProtected && previous is { IsProtected: true })
        {
            if (!definition.SameAs(previous))
            {
                throw new JsonLdException("protected term redefinition", $"The protected term '{term}' cannot be redefined differently.");
            }

            definition = previous;
        }

        result.Terms[term] = definition;
        defined[term] = true;
    }

    private string? TypeMapping(string term, JsonObject entries)
    {
        if (!entries.TryGetPropertyValue("@type", out var type))
        {
            return null;
        }

        var expanded = type is JsonValue v && v.TryGetValue<string>(out var text) ? Expand(text, vocab: true) : null;
        return expanded is "@id" or "@json" or "@none" or "@vocab" || (expanded is not null && Iri.IsAbsolute(expanded))
            ? expanded
            : throw new JsonLdException("invalid type mapping", $"The @type of '{term}' must be @id, @json, @none, @vocab or an absolute IRI.");
    }

    private (string? Iri, bool IsPrefix) IriMapping(string term, JsonObject entries, bool simpleTerm)
    {
        if (entries.TryGetPropertyValue("@id", out var id) && !(id is JsonValue same && same.TryGetValue<string>(out var s) && s == term))
        {
            if (id is null)
            {
                return (null, false);
            }

            var text = id is JsonValue v && v.TryGetValue<string>(out var t) ? t : throw new JsonLdException("invalid IRI mapping", $"The @id of '{term}' must be a string.");
            if (!JsonLdKeywords.IsKeyword(text) && JsonLdKeywords.HasKeywordForm(text))
            {
                return (null, false);
            }

            var iri = Expand(text, vocab: true);
            if (iri is null || (!JsonLdKeywords.IsKeyword(iri) && !Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)) || iri == "@context")
            {
                throw new JsonLdException("invalid IRI mapping", $"The @id of '{term}' does not expand to an IRI.");
            }

            if (term.AsSpan(1, Math.Max(0, term.Length - 2)).Contains(':') || term.Contains('/', StringComparison.Ordinal))
            {
                defined[term] = true;
                if (Expand(term, vocab: true) != iri)
                {
                    throw new JsonLdException("invalid IRI mapping", $"The term '{term}' looks like an IRI but maps to a different one.");
                }
            }

            var isPrefix = !term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal)
                && (entries.TryGetPropertyValue("@prefix", out var prefix) ? Bool(prefix, "@prefix") : simpleTerm && (iri.EndsWith(':') || iri.EndsWith('/') || iri.EndsWith('?') || iri.EndsWith('#') || iri.EndsWith('[') || iri.EndsWith(']') || iri.EndsWith('@') || Iri.IsBlankNode(iri)));
            return (iri, isPrefix);
        }

        var colon = term.Length > 1 ? term.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefixTerm = term[..colon];
            if (local.ContainsKey(prefixTerm))
            {
                Define(prefixTerm);
            }

            return result.Term(prefixTerm) is { Iri: { } prefixIri } ? (prefixIri + term[(colon + 1)..], false) : (term, false);
        }

        if (term.Contains('/', StringComparison.Ordinal))
        {
            var iri = Expand(term, vocab: true);
            return iri is not null && Iri.IsAbsolute(iri) ? (iri, false) : throw new JsonLdException("invalid IRI mapping", $"The term '{term}' is a relative IRI.");
        }

        return result.Vocabulary is { } vocabulary ? (vocabulary + term, false)
            : throw new JsonLdException("invalid IRI mapping", $"The term '{term}' has no @id and the context has no @vocab.");
    }

    private static JsonLdContainer Container(string term, JsonObject entries)
    {
        if (!entries.TryGetPropertyValue("@container", out var value) || value is null)
        {
            return JsonLdContainer.None;
        }

        var container = JsonLdContainer.None;
        foreach (var item in value is JsonArray array ? array.ToList() : [value])
        {
            container |= (item is JsonValue v && v.TryGetValue<string>(out var name) ? name : null) switch
            {
                "@set" => JsonLdContainer.Set,
                "@list" => JsonLdContainer.List,
                "@graph" => JsonLdContainer.Graph,
                var other => throw JsonLdException.Unsupported($"The container '{other}' of '{term}'"),
            };
        }

        return container.HasFlag(JsonLdContainer.List) && container != JsonLdContainer.List
            ? throw new JsonLdException("invalid container mapping", $"@list cannot be combined with another container in '{term}'.")
            : container;
    }

    private static string? LanguageTag(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var tag) => tag.ToLowerInvariant(),
        _ => throw new JsonLdException("invalid language mapping", "@language must be a string or null."),
    };

    private static bool Bool(JsonNode? value, string keyword) =>
        value is JsonValue v && v.TryGetValue<bool>(out var flag) ? flag : throw new JsonLdException("invalid term definition", $"{keyword} must be true or false.");

    private string? Expand(string value, bool vocab) =>
        IriExpansion.Expand(result, value, documentRelative: false, vocab, defineTerm: t =>
        {
            if (local.ContainsKey(t) && (!defined.TryGetValue(t, out var done) || !done))
            {
                Define(t);
            }
        });
}
