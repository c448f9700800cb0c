using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Resource limits of the GraphQL endpoint (section <c>GraphQL</c>). The document limits are checked before any
/// validation rule runs, in time linear in the document; the cost limit before anything executes
/// (<see cref="Admission.DocumentAdmission"/>). Clients read them in docs/api/limits.md.
/// </summary>
public sealed class GraphQlOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Deepest selection nesting accepted, fragments included (the standard introspection query needs 13).</summary>
    [Range(2, 50, ErrorMessage = "GraphQL:MaxDepth must be between 2 and 50.")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most lexical tokens (names, punctuation, values) a document may have; counting stops at the first one over.</summary>
    [Range(100, 1_000_000, ErrorMessage = "GraphQL:MaxTokens must be between 100 and 1,000,000.")]
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>Most field selections in a document, every fragment counted where it is spread.</summary>
    [Range(10, 100_000, ErrorMessage = "GraphQL:MaxFields must be between 10 and 100,000.")]
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Most aliased field selections in a document, every fragment counted where it is spread.</summary>
    [Range(0, 100_000, ErrorMessage = "GraphQL:MaxAliases must be between 0 and 100,000.")]
    public int MaxAliases { get; set; } = 100;

    /// <summary>
    /// Most selections of one response name at one place (the places GraphQL merges). Checking that repeated
    /// selections can be merged takes time growing with the square of this number.
    /// </summary>
    [Range(2, 1_000, ErrorMessage = "GraphQL:MaxRepeatedSelections must be between 2 and 1,000.")]
    public int MaxRepeatedSelections { get; set; } = 20;

    /// <summary>Highest cost one operation may have, in points (docs/api/limits.md explains the count).</summary>
    [Range(10, 10_000_000, ErrorMessage = "GraphQL:MaxCost must be between 10 and 10,000,000.")]
    public int MaxCost { get; set; } = 10_000;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "GraphQL:ExecutionTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "GraphQL:MaxRequestBytes must be between 1 KiB and 10 MiB.")]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Memory for whole responses replayed to identical public queries (repeated verifications), in bytes; 0 turns
    /// the response cache off. When full it starts over.
    /// </summary>
    [Range(0, 1024 * 1024 * 1024, ErrorMessage = "GraphQL:ResponseCacheBytes must be between 0 and 1 GiB.")]
    public int ResponseCacheBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Query text whose parsed (and, once run, validated) documents are kept for the next request with the same text,
    /// in characters; 0 turns the document cache off. The least recently used documents leave first.
    /// </summary>
    [Range(0, 64 * 1024 * 1024, ErrorMessage = "GraphQL:DocumentCacheCharacters must be between 0 and 64 Mi characters.")]
    public int DocumentCacheCharacters { get; set; } = 1024 * 1024;
}
