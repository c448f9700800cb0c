namespace CertGrid.Domain.Talent;

/// <summary>
/// One community's discoverable holders, indexed so a search reads only what can match: for each competency, and for
/// the best level of every credential, postings (holder, level, credential) sorted by level, best first. A search walks
/// the postings of its competency (or the best levels) down to its minimum level, applies the other filters to each
/// posting's credential and holder (the rules of <see cref="TalentSearch"/>), counts each matching holder once, and
/// builds full matches only for the holders that can make the page: the first <c>take</c> found and those tied with the
/// last of them (a holder is found at their best level, so nobody found later can rank higher). A change marks the
/// postings stale; the next search rebuilds them, so a removed holder is never in an answer after the change.
/// Not thread-safe: one owner (a grain activation) uses it.
/// </summary>
public sealed class TalentIndex
{
    private readonly Dictionary<string, TalentProfile> _profiles = new(StringComparer.Ordinal);
    private TalentPostings? _postings;

    public int Count => _profiles.Count;

    public void Put(TalentProfile profile)
    {
        _profiles[profile.LearnerId] = profile;
        _postings = null;
    }

    public void Remove(string learnerId)
    {
        if (_profiles.Remove(learnerId))
        {
            _postings = null;
        }
    }

    public TalentProfile? Find(string learnerId) => _profiles.GetValueOrDefault(learnerId);

    /// <summary>How many holders match, and the best <paramref name="take"/> of them in <see cref="TalentSearch.Ranking"/> order.</summary>
    public (int Total, IReadOnlyList<TalentMatch> Top) Search(string community, TalentQuery query, int take, DateTimeOffset now)
    {
        var postings = _postings ??= TalentPostings.Build(_profiles.Values);
        var list = query.CompetencyCode is { } code ? postings.ForCompetency(code) : postings.ByBestLevel;
        var seen = new bool[postings.Holders.Length];
        var candidates = new List<TalentProfile>();
        var total = 0;
        var lastScore = int.MinValue;
        foreach (var posting in list)
        {
            if (posting.Level < query.MinimumPercent)
            {
                break;
            }

            if (seen[posting.Holder] || !TalentSearch.Passes(posting.Credential, query, now))
            {
                continue;
            }

            // The holder's attributes decide for all their credentials at once.
            seen[posting.Holder] = true;
            var holder = postings.Holders[posting.Holder];
            if (!TalentSearch.Shows(holder, query))
            {
                continue;
            }

            total++;
            if (candidates.Count < take || posting.Level == lastScore)
            {
                candidates.Add(holder);
                lastScore = posting.Level;
            }
        }

        var top = candidates
            .Select(profile => TalentSearch.Match(community, profile, query, now))
            .OfType<TalentMatch>()
            .Order(TalentSearch.Ranking)
            .Take(take)
            .ToList();
        return (total, top);
    }
}
