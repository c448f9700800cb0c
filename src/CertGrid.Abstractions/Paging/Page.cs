namespace CertGrid.Abstractions.Paging;

/// <summary>One page of a list, and the cursor of the next page when there is one.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.page`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] string? NextCursor);
