namespace CertGrid.Domain.Access;

/// <summary>The scopes a partner key can hold.</summary>
public static class PartnerScopes
{
    /// <summary>Read issued credentials of the community in detail (beyond public verification).</summary>
    public const string ReadCredentials = "credentials:read";

    /// <summary>Search learners who consented to talent search.</summary>
    public const string SearchTalent = "talent:search";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { ReadCredentials, SearchTalent };
}
