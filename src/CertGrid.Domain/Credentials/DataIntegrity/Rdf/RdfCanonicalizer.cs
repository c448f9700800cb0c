using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// W3C RDF Dataset Canonicalization (RDFC-1.0): gives every blank node a canonical label (<c>c14n0</c>, …) that
/// depends only on the dataset's content, so the same information always serialises to the same N-Quads bytes.
/// One instance per run: it holds the algorithm's state (blank node to quads map, canonical issuer, work counters).
/// </summary>
public sealed class RdfCanonicalizer
{
    private readonly RdfCanonicalizationOptions options;
    private readonly List<RdfQuad> quads;
    private readonly Dictionary<string, List<RdfQuad>> blankNodeToQuads = new(StringComparer.Ordinal);
    private readonly BlankNodeIdentifierIssuer canonicalIssuer = new("c14n");
    private readonly Dictionary<string, int> nDegreeCalls = new(StringComparer.Ordinal);
    private int maxNDegreeCallsPerNode;

    private RdfCanonicalizer(IEnumerable<RdfQuad> dataset, RdfCanonicalizationOptions options)
    {
        this.options = options;
        quads = [.. new HashSet<RdfQuad>(dataset)];
    }

    public static CanonicalDataset Canonicalize(IEnumerable<RdfQuad> dataset, RdfCanonicalizationOptions? options = null) =>
        new RdfCanonicalizer(dataset, options ?? RdfCanonicalizationOptions.Default).Run();

    private CanonicalDataset Run()
    {
        foreach (var quad in quads)
        {
            foreach (var term in BlankNodesOf(quad))
            {
                if (!blankNodeToQuads.TryGetValue(term.Value, out var mentions))
                {
                    blankNodeToQuads[term.Value] = mentions = [];
                }

                if (mentions.Count == 0 || !ReferenceEquals(mentions[^1], quad))
                {
                    mentions.Add(quad);
                }
            }
        }

        var hashToBlankNodes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in blankNodeToQuads.Keys)
        {
            var hash = HashFirstDegreeQuads(node);
            if (!hashToBlankNodes.TryGetValue(hash, out var nodes))
            {
                hashToBlankNodes[hash] = nodes = [];
            }

            nodes.Add(node);
        }

        var shared = new List<List<string>>();
        foreach (var nodes in hashToBlankNodes.Values)
        {
            if (nodes.Count == 1)
            {
                canonicalIssuer.Issue(nodes[0]);
            }
            else
            {
                shared.Add(nodes);
            }
        }

        maxNDegreeCallsPerNode = (int)Math.Min(int.MaxValue, Math.Pow(shared.Sum(n => n.Count), options.WorkFactor));
        foreach (var nodes in shared)
        {
            var paths = new List<(string Hash, BlankNodeIdentifierIssuer Issuer)>();
            foreach (var node in nodes.Where(n => !canonicalIssuer.HasIssued(n)))
            {
                var temporary = new BlankNodeIdentifierIssuer("b");
                temporary.Issue(node);
                paths.Add(HashNDegreeQuads(node, temporary));
            }

            foreach (var (_, issuer) in paths.OrderBy(p => p.Hash, StringComparer.Ordinal))
            {
                foreach (var existing in issuer.IssuedInOrder)
                {
                    canonicalIssuer.Issue(existing);
                }
            }
        }

        var canonicalLabel = (string label) => canonicalIssuer.Issued[label];
        var lines = new List<string>(quads.Count);
        var line = new StringBuilder(256);
        foreach (var quad in quads)
        {
            NQuadsWriter.Append(line.Clear(), quad, canonicalLabel);
            lines.Add(line.ToString());
        }

        lines.Sort(CodePointOrder.Instance);
        return new CanonicalDataset(string.Concat(lines), canonicalIssuer.Issued);
    }

    private string HashFirstDegreeQuads(string reference)
    {
        var mentions = blankNodeToQuads[reference];
        var lines = new List<string>(mentions.Count);
        var line = new StringBuilder(256);
        var mask = (string label) => label == reference ? "a" : "z";
        foreach (var quad in mentions)
        {
            NQuadsWriter.Append(line.Clear(), quad, mask);
            lines.Add(line.ToString());
        }

        lines.Sort(CodePointOrder.Instance);
        return Hash(string.Concat(lines));
    }

    private string HashRelatedBlankNode(string related, RdfQuad quad, BlankNodeIdentifierIssuer issuer, char position)
    {
        var identifier = canonicalIssuer.TryGet(related, out var canonical) ? "_:" + canonical
            : issuer.TryGet(related, out var temporary) ? "_:" + temporary
            : HashFirstDegreeQuads(related);
        var input = new StringBuilder().Append(position);
        if (position != 'g')
        {
            input.Append('<').Append(quad.Predicate.Value).Append('>');
        }

        return Hash(input.Append(identifier).ToString());
    }

    private (string Hash, BlankNodeIdentifierIssuer Issuer) HashNDegreeQuads(string identifier, BlankNodeIdentifierIssuer issuer)
    {
        var calls = nDegreeCalls.GetValueOrDefault(identifier);
        if (calls >= maxNDegreeCallsPerNode)
        {
            throw new RdfCanonicalizationException(
                $"The dataset needs more than {maxNDegreeCallsPerNode} Hash N-Degree Quads steps for one blank node; it is refused as a poison graph.");
        }

        nDegreeCalls[identifier] = calls + 1;
        var relatedByHash = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var quad in blankNodeToQuads[identifier])
        {
            AddRelated(quad.Subject, 's');
            AddRelated(quad.ObjectTerm, 'o');
            if (quad.Graph is { } graph)
            {
                AddRelated(graph, 'g');
            }

            void AddRelated(RdfTerm term, char position)
            {
                if (term.IsBlankNode && term.Value != identifier)
                {
                    var hash = HashRelatedBlankNode(term.Value, quad, issuer, position);
                    if (!relatedByHash.TryGetValue(hash, out var list))
                    {
                        relatedByHash[hash] = list = [];
                    }

                    list.Add(term.Value);
                }
            }
        }

        var data = new StringBuilder();
        foreach (var (relatedHash, related) in relatedByHash)
        {
            data.Append(relatedHash);
            string? chosenPath = null;
            BlankNodeIdentifierIssuer? chosenIssuer = null;
            foreach (var permutation in Permutations.Of(related))
            {
                var issuerCopy = issuer.Copy();
                var path = new StringBuilder();
                var recursion = new List<string>();
                var skipped = false;
                foreach (var node in permutation)
                {
                    if (canonicalIssuer.TryGet(node, out var canonical))
                    {
                        path.Append("_:").Append(canonical);
                    }
                    else
                    {
                        if (!issuerCopy.HasIssued(node))
                        {
                            recursion.Add(node);
                        }

                        path.Append("_:").Append(issuerCopy.Issue(node));
                    }

                    if (IsWorse(path, chosenPath))
                    {
                        skipped = true;
                        break;
                    }
                }

                for (var i = 0; !skipped && i < recursion.Count; i++)
                {
                    var result = HashNDegreeQuads(recursion[i], issuerCopy);
                    path.Append("_:").Append(issuerCopy.Issue(recursion[i])).Append('<').Append(result.Hash).Append('>');
                    issuerCopy = result.Issuer;
                    skipped = IsWorse(path, chosenPath);
                }

                var candidate = path.ToString();
                if (!skipped && (chosenPath is null || string.CompareOrdinal(candidate, chosenPath) < 0))
                {
                    chosenPath = candidate;
                    chosenIssuer = issuerCopy;
                }
            }

            data.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        return (Hash(data.ToString()), issuer);
    }

    // A partial path longer than or equal to the chosen one in length and greater in order cannot win.
    private static bool IsWorse(StringBuilder path, string? chosen) =>
        chosen is not null && path.Length >= chosen.Length && string.CompareOrdinal(path.ToString(), chosen) > 0;

    private string Hash(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = options.HashAlgorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes)
            : options.HashAlgorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(bytes)
            : throw new NotSupportedException($"RDFC-1.0 here supports SHA-256 and SHA-384, not {options.HashAlgorithm}.");
        return Convert.ToHexStringLower(digest);
    }

    private static IEnumerable<RdfTerm> BlankNodesOf(RdfQuad quad)
    {
        if (quad.Subject.IsBlankNode)
        {
            yield return quad.Subject;
        }

        if (quad.ObjectTerm.IsBlankNode)
        {
            yield return quad.ObjectTerm;
        }

        if (quad.Graph is { IsBlankNode: true } graph)
        {
            yield return graph;
        }
    }
}
