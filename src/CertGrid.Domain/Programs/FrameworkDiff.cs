namespace CertGrid.Domain.Programs;

/// <summary>The part of a framework a change touches.</summary>
public enum FrameworkElement
{
    /// <summary>The framework itself (its name).</summary>
    Framework,
    /// <summary>A competency domain.</summary>
    Domain,
    /// <summary>A competency.</summary>
    Competency,
    /// <summary>A proficiency level of a competency.</summary>
    Level,
}

/// <summary>Whether something was added, removed or changed between two versions.</summary>
public enum ChangeType
{
    /// <summary>New in the later version.</summary>
    Added,
    /// <summary>Gone from the later version.</summary>
    Removed,
    /// <summary>Present in both, with different content.</summary>
    Changed,
}

/// <summary>One difference between two framework versions, and how much it moves the version.</summary>
/// <param name="Code">The domain or competency code, the level's rank, or empty for the framework itself.</param>
/// <param name="Field">For a change: the field that changed (<c>name</c>, <c>outcomes</c>, ...).</param>
[GenerateSerializer, Immutable, Alias("certgrid.framework-change")]
public sealed record FrameworkChange(
    [property: Id(0)] FrameworkElement Element,
    [property: Id(1)] ChangeType Type,
    [property: Id(2)] string Code,
    [property: Id(3)] string? Field,
    [property: Id(4)] string Summary,
    [property: Id(5)] VersionBump Impact);

/// <summary>Everything that differs between two framework versions, and the smallest version bump that covers it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.framework-diff")]
public sealed record FrameworkDiff(
    [property: Id(0)] string FromVersion,
    [property: Id(1)] string ToVersion,
    [property: Id(2)] IReadOnlyList<FrameworkChange> Changes)
{
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>The largest impact of any change (a patch when nothing changed).</summary>
    public VersionBump RequiredBump => Changes.Count == 0 ? VersionBump.Patch : Changes.Max(c => c.Impact);
}
