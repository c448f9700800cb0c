namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// How big a selection is with every fragment counted where it is spread: field selections, aliased ones, and the
/// deepest nesting of fields. Counts saturate at <see cref="Saturation"/>, so fragments that multiply cannot overflow.
/// </summary>
public readonly record struct DocumentShape(long Fields, long Aliases, int Depth)
{
    public const long Saturation = 1L << 50;

    public static DocumentShape Empty => default;

    /// <summary>Side by side in one selection set: counts add up, depth is the deeper one.</summary>
    public DocumentShape Beside(DocumentShape other) =>
        new(Math.Min(Fields + other.Fields, Saturation), Math.Min(Aliases + other.Aliases, Saturation), Math.Max(Depth, other.Depth));

    /// <summary>This shape as the selection of one field (aliased or not): one field more, one level deeper.</summary>
    public DocumentShape UnderField(bool aliased) =>
        new(Math.Min(Fields + 1, Saturation), Math.Min(Aliases + (aliased ? 1 : 0), Saturation), Depth + 1);
}
