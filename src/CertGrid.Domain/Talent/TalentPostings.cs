namespace CertGrid.Domain.Talent;

/// <summary>
/// The postings of a <see cref="TalentIndex"/>: the holders in an array (postings refer to them by position), each
/// competency's credentials with their level in it, and every credential with its best level; all sorted best first.
/// </summary>
public sealed class TalentPostings
{
    private readonly Dictionary<string, TalentPosting[]> _byCompetency;

    private TalentPostings(TalentProfile[] holders, Dictionary<string, TalentPosting[]> byCompetency, TalentPosting[] byBestLevel)
    {
        Holders = holders;
        _byCompetency = byCompetency;
        ByBestLevel = byBestLevel;
    }

    public TalentProfile[] Holders { get; }

    public TalentPosting[] ByBestLevel { get; }

    public TalentPosting[] ForCompetency(string code) => _byCompetency.GetValueOrDefault(code) ?? [];

    public static TalentPostings Build(IEnumerable<TalentProfile> profiles)
    {
        var holders = profiles.ToArray();
        var byCompetency = new Dictionary<string, List<TalentPosting>>(StringComparer.Ordinal);
        var byBest = new List<TalentPosting>();
        for (var holder = 0; holder < holders.Length; holder++)
        {
            foreach (var credential in holders[holder].Credentials)
            {
                byBest.Add(new TalentPosting(holder, TalentSearch.BestLevel(credential), credential));
                foreach (var code in credential.Competencies.Select(c => c.Code).Distinct(StringComparer.Ordinal))
                {
                    if (!byCompetency.TryGetValue(code, out var list))
                    {
                        byCompetency[code] = list = [];
                    }

                    list.Add(new TalentPosting(holder, TalentSearch.CompetencyLevel(credential, code)!.Value, credential));
                }
            }
        }

        return new TalentPostings(holders, byCompetency.ToDictionary(p => p.Key, p => Sorted(p.Value), StringComparer.Ordinal), Sorted(byBest));
    }

    private static TalentPosting[] Sorted(List<TalentPosting> postings)
    {
        var array = postings.ToArray();
        Array.Sort(array, (a, b) => b.Level.CompareTo(a.Level));
        return array;
    }
}

/// <summary>A holder (by position in <see cref="TalentPostings.Holders"/>), a credential of theirs, and its level for the list it is in.</summary>
public readonly record struct TalentPosting(int Holder, int Level, TalentCredential Credential);
