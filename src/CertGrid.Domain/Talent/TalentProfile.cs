using CertGrid.Domain.Consents;

namespace CertGrid.Domain.Talent;

/// <summary>
/// What talent search holds about one discoverable learner: exactly what their consent lets partners see (the name
/// only if they chose to show it) and the credentials and competencies they can be found for. Built by
/// <see cref="Build"/> from the consent and the credentials' facts; never carries an email or anyone else's data.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-profile")]
public sealed record TalentProfile(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Region,
    [property: Id(3)] IReadOnlyList<string> Languages,
    [property: Id(4)] bool AllowContact,
    [property: Id(5)] IReadOnlyList<TalentCredential> Credentials,
    [property: Id(6)] int ConsentVersion)
{
    /// <summary>
    /// The profile a consent allows: the named credentials whole, and for competency codes the best demonstration of each
    /// among the holder's other credentials, without naming them. Null when nothing is left to be found for.
    /// </summary>
    public static TalentProfile? Build(string learnerId, string name, DiscoverableTerms terms, int version, IEnumerable<TalentCredential> held)
    {
        var heldList = held.ToList();
        var named = heldList.Where(c => terms.CredentialIds.Contains(c.CredentialId, StringComparer.Ordinal)).ToList();
        var codes = terms.CompetencyCodes.ToHashSet(StringComparer.Ordinal);
        var undisclosed = heldList.Where(c => !named.Contains(c))
            .Select(c => c with
            {
                Competencies = c.Competencies.Where(x => codes.Contains(x.Code)).ToList(),
                Disclosed = false,
            })
            .Where(c => c.Competencies.Count > 0)
            .ToList();
        if (named.Count + undisclosed.Count == 0)
        {
            return null;
        }

        return new TalentProfile(learnerId, terms.ShowName ? name : null, terms.Region, terms.Languages, terms.AllowContact, [.. named, .. undisclosed], version);
    }
}
