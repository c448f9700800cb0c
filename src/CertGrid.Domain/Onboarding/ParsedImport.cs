namespace CertGrid.Domain.Onboarding;

/// <summary>An import file read and checked: its good rows, its errors (the first <see cref="ImportFileReader.MaxErrorsKept"/>) and how many errors there were.</summary>
public sealed record ParsedImport<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<ImportRowError> Errors, long ErrorCount)
{
    public bool IsClean => ErrorCount == 0;
}
