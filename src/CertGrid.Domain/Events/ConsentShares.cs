namespace CertGrid.Domain.Events;

/// <summary>
/// The credentials one learner shares with partner organisations right now, as pairs of partner and credential id: what
/// decides which of their credentials' events a partner sees (<see cref="PartnerEventRule"/>).
/// </summary>
public sealed record ConsentShares(string LearnerId, IReadOnlyCollection<(string PartnerId, string CredentialId)> Pairs)
{
    private const char PairSeparator = ' ';
    private const char Separator = '/';

    public bool Shares(string credentialId, string partnerId) =>
        Pairs.Any(p => p.CredentialId == credentialId && p.PartnerId == partnerId);

    /// <summary>The pairs as one text (<c>ptn_…/vc_… ptn_…/vc_…</c>), as the read model stores them.</summary>
    public string Serialize() => string.Join(PairSeparator, Pairs.Select(p => p.PartnerId + Separator + p.CredentialId));

    public static ConsentShares Parse(string learnerId, string? text) => new(learnerId,
        (text ?? string.Empty).Split(PairSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(Separator, 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], parts[1]))
            .ToList());
}
