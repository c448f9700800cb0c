using System.Security.Cryptography;

namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// How RDFC-1.0 runs: the hash function (SHA-256 unless a test or suite asks for SHA-384) and the work limit that
/// stops a poison graph. <see cref="WorkFactor"/> follows the widely deployed rdf-canonize policy: each blank node
/// may enter Hash N-Degree Quads at most <c>n^WorkFactor</c> times, n being the number of blank nodes whose
/// first-degree hash is shared, so a verifier using that library and CertGrid accept and refuse the same graphs.
/// </summary>
public sealed record RdfCanonicalizationOptions(HashAlgorithmName HashAlgorithm, int WorkFactor = 1)
{
    public static RdfCanonicalizationOptions Default { get; } = new(HashAlgorithmName.SHA256);
}
