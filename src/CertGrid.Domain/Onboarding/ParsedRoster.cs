namespace CertGrid.Domain.Onboarding;

/// <summary>A roster file read and checked: its good rows, its errors (the first <see cref="LearnerRoster.MaxErrorsKept"/>) and how many errors there were.</summary>
public sealed record ParsedRoster(IReadOnlyList<LearnerImportRow> Rows, IReadOnlyList<ImportRowError> Errors, long ErrorCount)
{
    public bool IsClean => ErrorCount == 0;
}
