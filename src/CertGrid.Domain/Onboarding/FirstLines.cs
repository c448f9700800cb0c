namespace CertGrid.Domain.Onboarding;

/// <summary>Remembers the line each key of a file first appeared on, so a repeat is an error that names the first line.</summary>
public sealed class FirstLines
{
    private readonly Dictionary<string, long> _lineOf = new(StringComparer.Ordinal);

    public void RequireFirst(string? key, long line, string column, ImportErrors errors, string accepted)
    {
        if (key is not null && !_lineOf.TryAdd(key, line))
        {
            errors.Add(new ImportRowError(line, column, $"{key} is already on line {_lineOf[key]} of this file.", accepted));
        }
    }
}
