using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Onboarding;

/// <summary>The errors found in an import file as it is read: every one counted, the first <see cref="ImportFileReader.MaxErrorsKept"/> kept in full.</summary>
public sealed class ImportErrors
{
    private readonly List<ImportRowError> _kept = [];

    public long Count { get; private set; }

    public IReadOnlyList<ImportRowError> Kept => _kept;

    public void Add(ImportRowError error)
    {
        Count++;
        if (_kept.Count < ImportFileReader.MaxErrorsKept)
        {
            _kept.Add(error);
        }
    }

    /// <summary>Runs one rule of a column; a rule that refuses the value becomes the row's error for that column (and null).</summary>
    public T? Check<T>(Func<T> rule, long line, string column, string accepted)
    {
        try
        {
            return rule();
        }
        catch (CertGridException ex)
        {
            Add(new ImportRowError(line, column, ex.Message, accepted));
            return default;
        }
    }
}
