namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>One statement of an RDF dataset; <see cref="Graph"/> is null in the default graph.</summary>
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm ObjectTerm, RdfTerm? Graph = null)
{
    public override string ToString() => NQuadsWriter.Quad(this);
}
