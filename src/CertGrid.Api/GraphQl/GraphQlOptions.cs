using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.GraphQl;

/// <summary>Resource limits of the GraphQL endpoint (section <c>GraphQL</c>).</summary>
public sealed class GraphQlOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Deepest selection nesting accepted (GraphiQL's introspection query needs 13).</summary>
    [Range(2, 50, ErrorMessage = "GraphQL:MaxDepth must be between 2 and 50.")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest complexity accepted (each field 1, lists multiply their children by 10).</summary>
    [Range(10, 1_000_000, ErrorMessage = "GraphQL:MaxComplexity must be between 10 and 1,000,000.")]
    public int MaxComplexity { get; set; } = 20_000;

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
}
