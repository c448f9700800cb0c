namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// One RDF term. <see cref="Value"/> is the IRI, the blank node label (without <c>_:</c>) or the literal's lexical
/// form; a literal always has a <see cref="Datatype"/> (<c>rdf:langString</c> when it has a <see cref="Language"/>).
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    public static RdfTerm BlankNode(string label) => new(RdfTermKind.BlankNode, label);

    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is null ? datatype ?? XsdString : RdfLangString, language);

    /// <summary>The same blank node under another label; any other term unchanged.</summary>
    public RdfTerm Relabel(string label) => Kind == RdfTermKind.BlankNode ? BlankNode(label) : this;

    public override string ToString() => NQuadsWriter.Term(this);
}
