using CertGrid.Domain.Errors;
using System.Globalization;

namespace CertGrid.Domain.Programs;

/// <summary>A semantic version <c>major.minor.patch</c>, as framework versions are numbered.</summary>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public static SemanticVersion First { get; } = new(1, 0, 0);

    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 3 } || parts.Any(p => p.Length is 0 or > 6 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0')))
        {
            return false;
        }

        version = new SemanticVersion(
            int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        return true;
    }

    public static SemanticVersion Parse(string text, string field = "version") =>
        TryParse(text, out var version)
            ? version
            : throw CertGridException.Invalid(field, $"'{field}' must be a semantic version such as '1.2.0'.");

    public SemanticVersion Bump(VersionBump bump) => bump switch
    {
        VersionBump.Major => new(Major + 1, 0, 0),
        VersionBump.Minor => new(Major, Minor + 1, 0),
        _ => new(Major, Minor, Patch + 1),
    };

    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
