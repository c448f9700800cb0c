namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD 1.1 IRI Expansion (§5.2): keywords, terms, compact IRIs, blank nodes, absolute IRIs, the vocabulary
/// mapping and document-relative resolution. While a context is being defined, the <c>defineTerm</c> callback lets a
/// term or prefix of that local context be created first.
/// </summary>
public static class IriExpansion
{
    public static string? Expand(ActiveContext context, string? value, bool documentRelative = false, bool vocab = false, Action<string>? defineTerm = null)
    {
        if (value is null || JsonLdKeywords.IsKeyword(value))
        {
            return value;
        }

        if (JsonLdKeywords.HasKeywordForm(value))
        {
            return null;
        }

        defineTerm?.Invoke(value);
        var term = context.Term(value);
        if (term is not null && JsonLdKeywords.IsKeyword(term.Iri))
        {
            return term.Iri;
        }

        if (vocab && term is not null)
        {
            return term.Iri;
        }

        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            defineTerm?.Invoke(prefix);
            if (context.Term(prefix) is { Iri: not null, IsPrefix: true } prefixTerm)
            {
                return prefixTerm.Iri + suffix;
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && context.Vocabulary is { } vocabulary)
        {
            return vocabulary + value;
        }

        if (documentRelative)
        {
            return context.BaseIri is { } baseIri ? Iri.Resolve(baseIri, value)
                : throw new JsonLdException("invalid IRI", $"'{value}' is a relative IRI and the document has no base IRI to resolve it against; use an absolute IRI.");
        }

        return value;
    }
}
