namespace CertGrid.Abstractions.Paging;

/// <summary>A request for one page of a list: at most <see cref="First"/> items after the opaque cursor.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.page-request")]
public sealed record PageRequest(
    [property: Id(0)] int First,
    [property: Id(1)] string? After)
{
    /// <summary>The most items any list returns at once.</summary>
    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 20;

    public static PageRequest Create(int? first, string? after)
    {
        var size = first ?? DefaultPageSize;
        if (size < 1 || size > MaxPageSize)
        {
            throw CertGridException.Invalid("first", $"'first' must be between 1 and {MaxPageSize} (it is {size}).");
        }

        if (after is { Length: > 512 })
        {
            throw CertGridException.Invalid("after", "'after' is not a cursor this API returned.");
        }

        return new PageRequest(size, string.IsNullOrEmpty(after) ? null : after);
    }
}
