using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// The JSON-LD contexts a document may name, by URL, loaded from embedded resources (see
/// <c>Credentials/DataIntegrity/Contexts/README.md</c>). Nothing is ever fetched: a context not in the store is a
/// <c>loading remote context failed</c> error. Tests may add the contexts of third-party vectors.
/// </summary>
public sealed class JsonLdContextStore
{
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";
    public const string OpenBadgesV3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string OpenBadgesExtensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public const string DataIntegrityV2 = "https://w3id.org/security/data-integrity/v2";
    public const string MultikeyV1 = "https://w3id.org/security/multikey/v1";

    private static readonly Dictionary<string, string> BundledFiles = new(StringComparer.Ordinal)
    {
        [CredentialsV2] = "credentials-v2.jsonld",
        [OpenBadgesV3] = "ob-context-3.0.3.json",
        [OpenBadgesExtensions] = "ob-extensions.json",
        [DataIntegrityV2] = "data-integrity-v2.jsonld",
        [MultikeyV1] = "multikey-v1.jsonld",
    };

    private readonly FrozenDictionary<string, JsonNode> contexts;
    private readonly HashSet<JsonNode> storedNodes = new(ReferenceEqualityComparer.Instance);

    public JsonLdContextStore(IEnumerable<KeyValuePair<string, string>>? additionalContexts = null)
    {
        var documents = BundledFiles.ToDictionary(f => f.Key, f => ReadResource(f.Value), StringComparer.Ordinal);
        foreach (var (url, json) in additionalContexts ?? [])
        {
            documents[url] = json;
        }

        contexts = documents.ToFrozenDictionary(
            d => d.Key,
            d => Materialize(storedNodes, JsonNode.Parse(d.Value)?["@context"] ?? throw new InvalidDataException($"The context document for {d.Key} has no @context.")),
            StringComparer.Ordinal);
    }

    /// <summary>The bundled contexts only: what CertGrid signs and verifies with.</summary>
    public static JsonLdContextStore Bundled { get; } = new();

    /// <summary>The <c>@context</c> value of the document at <paramref name="url"/>.</summary>
    public JsonNode Load(string url) =>
        contexts.TryGetValue(url, out var context) ? context
            : throw new JsonLdException("loading remote context failed", $"The JSON-LD context '{url}' is not one CertGrid bundles ({string.Join(", ", contexts.Keys)}); contexts are never fetched.");

    /// <summary>Whether a node belongs to a stored context (so processing it may be cached for good).</summary>
    public bool Holds(JsonNode node) => storedNodes.Contains(node);

    // JsonObject builds its entries lazily on first read: do it once here so concurrent readers never race, and
    // remember every node so Holds is one lookup.
    private static JsonNode Materialize(HashSet<JsonNode> nodes, JsonNode node)
    {
        nodes.Add(node);
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            if (child is not null)
            {
                Materialize(nodes, child);
            }
        }

        return node;
    }

    private static string ReadResource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CertGrid.DataIntegrity.Contexts." + file)
            ?? throw new InvalidOperationException($"The bundled JSON-LD context {file} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
