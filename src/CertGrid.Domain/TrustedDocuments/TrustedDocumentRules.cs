using CertGrid.Domain.Errors;

namespace CertGrid.Domain.TrustedDocuments;

/// <summary>How many documents a community may register, and how large they may be: the registry lives in one grain.</summary>
public static class TrustedDocumentRules
{
    public const int MaxDocuments = 200;
    public const int MaxTotalCharacters = 400_000;
    public const int MaxKeysRequiringDocuments = 200;

    /// <summary>Refuses a registration that would go over the limits.</summary>
    public static void RequireRoom(IReadOnlyCollection<TrustedDocument> registered, string text)
    {
        if (registered.Count >= MaxDocuments)
        {
            throw CertGridException.Policy($"A community registers at most {MaxDocuments} documents; remove one it no longer uses first.");
        }

        if (registered.Sum(d => d.Text.Length) + text.Length > MaxTotalCharacters)
        {
            throw CertGridException.Policy($"A community's registered documents hold at most {MaxTotalCharacters:N0} characters in all; remove one it no longer uses first.");
        }
    }
}
