using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// A term of an active context (JSON-LD 1.1 §4.1): the IRI it expands to, whether it may serve as a prefix, whether
/// it is protected, its type mapping (<c>@id</c>, <c>@vocab</c>, <c>@json</c>, <c>@none</c> or a datatype IRI), its
/// container, its language mapping and its scoped context with the base URL that context came from.
/// </summary>
public sealed record TermDefinition(
    string? Iri,
    bool IsPrefix,
    bool IsProtected,
    string? TypeMapping,
    JsonLdContainer Container,
    bool HasLanguageMapping,
    string? Language,
    JsonNode? LocalContext,
    string? BaseUrl)
{
    /// <summary>The same definition apart from protection (JSON-LD 1.1 §4.2.2 step 27).</summary>
    public bool SameAs(TermDefinition other) =>
        Iri == other.Iri && IsPrefix == other.IsPrefix && TypeMapping == other.TypeMapping && Container == other.Container
        && HasLanguageMapping == other.HasLanguageMapping && Language == other.Language
        && JsonNode.DeepEquals(LocalContext, other.LocalContext);
}
