namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// The result of RDFC-1.0: the canonical N-Quads document (sorted lines) and the issued identifiers map
/// (input blank node label → canonical label such as <c>c14n0</c>).
/// </summary>
public sealed record CanonicalDataset(string NQuads, IReadOnlyDictionary<string, string> IssuedIdentifiers);
