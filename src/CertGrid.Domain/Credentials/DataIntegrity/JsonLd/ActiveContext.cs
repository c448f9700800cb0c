namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// The active context of JSON-LD 1.1 processing: term definitions, vocabulary mapping, base IRI, default language
/// and the context to return to when a type-scoped context stops applying. Built by <see cref="ContextProcessor"/>
/// and never changed once it is handed out, so processed contexts can be cached and shared between threads.
/// </summary>
public sealed class ActiveContext
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> termIris = new(StringComparer.Ordinal);

    private ActiveContext(Dictionary<string, TermDefinition> terms) => Terms = terms;

    /// <summary>The initial context of a document without a base IRI, shared so processed contexts cache on it.</summary>
    public static ActiveContext Empty { get; } = Initial(null);

    public static ActiveContext Initial(string? baseIri) => new(new Dictionary<string, TermDefinition>(StringComparer.Ordinal)) { BaseIri = baseIri, OriginalBaseUrl = baseIri };

    public Dictionary<string, TermDefinition> Terms { get; }

    public string? BaseIri { get; internal set; }

    public string? OriginalBaseUrl { get; private init; }

    public string? Vocabulary { get; internal set; }

    public string? DefaultLanguage { get; internal set; }

    /// <summary>The context before a non-propagated (type-scoped) context was applied.</summary>
    public ActiveContext? Previous { get; internal set; }

    public bool HasProtectedTerms => Terms.Values.Any(t => t.IsProtected);

    /// <summary>
    /// IRI expansion of a key or type with the vocabulary mapping, remembered for defined terms (a finished context
    /// never changes, and documents use the same few terms over and over).
    /// </summary>
    public string? ExpandTerm(string value, bool documentRelative = false)
    {
        if (termIris.TryGetValue(value, out var iri))
        {
            return iri;
        }

        iri = IriExpansion.Expand(this, value, documentRelative, vocab: true);
        if (Terms.ContainsKey(value) || JsonLdKeywords.IsKeyword(value))
        {
            termIris[value] = iri;
        }

        return iri;
    }

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var definition) ? definition : null;

    internal ActiveContext Clone() => new(new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal))
    {
        BaseIri = BaseIri,
        OriginalBaseUrl = OriginalBaseUrl,
        Vocabulary = Vocabulary,
        DefaultLanguage = DefaultLanguage,
        Previous = Previous,
    };

    internal ActiveContext Reset() => new(new Dictionary<string, TermDefinition>(StringComparer.Ordinal))
    {
        BaseIri = OriginalBaseUrl,
        OriginalBaseUrl = OriginalBaseUrl,
    };
}
