namespace CertGrid.Domain.Talent;

/// <summary>Talent search's rules: which profiles match a query, and in which order matches are ranked.</summary>
public static class TalentSearch
{
    /// <summary>The match of <paramref name="profile"/> for <paramref name="query"/> at <paramref name="now"/>, or null.</summary>
    public static TalentMatch? Match(string community, TalentProfile profile, TalentQuery query, DateTimeOffset now)
    {
        if (!Shows(profile, query))
        {
            return null;
        }

        List<TalentCredential>? matching = null;
        var score = -1;
        foreach (var credential in profile.Credentials)
        {
            if (!Passes(credential, query, now) || Level(credential, query) is not { } level || level < query.MinimumPercent)
            {
                continue;
            }

            (matching ??= []).Add(credential);
            score = Math.Max(score, level);
        }

        return matching is null ? null : new TalentMatch(community, profile, matching, score);
    }

    /// <summary>Whether the holder's shown attributes pass the language and region filters.</summary>
    public static bool Shows(TalentProfile profile, TalentQuery query) =>
        (query.Language is not { } language || profile.Languages.Contains(language, StringComparer.Ordinal))
        && (query.Region is not { } region || string.Equals(profile.Region, region, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a credential passes the filters other than the level: valid long enough, and the definition and tier asked for (only if disclosed).</summary>
    public static bool Passes(TalentCredential credential, TalentQuery query, DateTimeOffset now) =>
        credential.IsValidFor(now, query.ValidForDays)
        && (query.DefinitionId is not { } definition || (credential.Disclosed && credential.DefinitionId == definition))
        && (query.Tier is not { } tier || (credential.Disclosed && credential.Tier == tier));

    /// <summary>
    /// The level a credential shows for the query: the competency asked for (null when the credential does not align to
    /// it), else the best level it demonstrated (0 without competencies).
    /// </summary>
    public static int? Level(TalentCredential credential, TalentQuery query) => query.CompetencyCode is { } code
        ? CompetencyLevel(credential, code)
        : BestLevel(credential);

    /// <summary>The credential's level in competency <paramref name="code"/> (its first alignment to it), or null.</summary>
    public static int? CompetencyLevel(TalentCredential credential, string code) =>
        credential.Competencies.FirstOrDefault(c => c.Code == code)?.Percent;

    /// <summary>The best level the credential demonstrated, 0 without competencies.</summary>
    public static int BestLevel(TalentCredential credential) =>
        credential.Competencies.Count == 0 ? 0 : credential.Competencies.Max(c => c.Percent);

    /// <summary>Best first: higher score, then more matching credentials, then the one valid longest; ties by a stable key.</summary>
    public static IComparer<TalentMatch> Ranking { get; } = Comparer<TalentMatch>.Create((a, b) =>
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byCount = b.Matching.Count.CompareTo(a.Matching.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        var byValidity = Latest(b).CompareTo(Latest(a));
        return byValidity != 0 ? byValidity : CompareKeys(a, b);
    });

    /// <summary>The latest end of validity among the matching credentials (never-expiring counts as latest); no allocation, it runs per comparison.</summary>
    private static DateTimeOffset Latest(TalentMatch match)
    {
        var latest = DateTimeOffset.MinValue;
        foreach (var credential in match.Matching)
        {
            var until = credential.ValidUntil ?? DateTimeOffset.MaxValue;
            latest = until > latest ? until : latest;
        }

        return latest;
    }

    /// <summary>Orders as <c>string.CompareOrdinal(community + "/" + learnerId)</c> would, without building the strings.</summary>
    private static int CompareKeys(TalentMatch a, TalentMatch b)
    {
        var (left, right) = (new StableKey(a), new StableKey(b));
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var difference = left[i] - right[i];
            if (difference != 0)
            {
                return difference;
            }
        }

        return left.Length - right.Length;
    }

    private readonly struct StableKey(TalentMatch match)
    {
        private readonly string _community = match.Community;
        private readonly string _learner = match.Profile.LearnerId;

        public int Length => _community.Length + 1 + _learner.Length;

        public char this[int index] => index < _community.Length ? _community[index] : index == _community.Length ? '/' : _learner[index - _community.Length - 1];
    }
}
