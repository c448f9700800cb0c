using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials.DataIntegrity.Rdf;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// Turns a JSON-LD document into the RDF dataset it means (expansion, then deserialisation to RDF) with the
/// contexts of one <see cref="JsonLdContextStore"/>. Thread-safe; keep one per store so processed contexts are
/// cached (<see cref="Bundled"/> for CertGrid's own contexts).
/// </summary>
public sealed class JsonLdProcessor(JsonLdContextStore store)
{
    private readonly JsonLdExpansion expansion = new(new ContextProcessor(store));

    public static JsonLdProcessor Bundled { get; } = new(JsonLdContextStore.Bundled);

    /// <summary>The dataset the document means; throws <see cref="JsonLdException"/> on anything it would have to drop.</summary>
    public List<RdfQuad> ToRdf(JsonNode document) => JsonLdToRdf.Convert(expansion.Expand(document));

    /// <summary>The RDFC-1.0 canonical N-Quads of the document's dataset.</summary>
    public string Canonicalize(JsonNode document, RdfCanonicalizationOptions? options = null) =>
        RdfCanonicalizer.Canonicalize(ToRdf(document), options).NQuads;
}
