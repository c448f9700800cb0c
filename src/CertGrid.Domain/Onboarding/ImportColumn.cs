namespace CertGrid.Domain.Onboarding;

/// <summary>A column an import file may have: its name (header names match in any case), other names accepted for it, whether every file needs it, and what it accepts.</summary>
public sealed record ImportColumn(string Name, bool Required, string Accepted, params string[] Aliases)
{
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
