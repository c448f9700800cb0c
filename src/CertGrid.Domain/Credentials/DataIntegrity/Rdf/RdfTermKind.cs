namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>What an RDF term is: an IRI, a blank node or a literal.</summary>
public enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
}
