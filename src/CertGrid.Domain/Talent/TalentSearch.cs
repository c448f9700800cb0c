namespace CertGrid.Domain.Talent;

/// <summary>Talent search's rules: which profiles match a query, and in which order matches are ranked.</summary>
public static class TalentSearch
{
    /// <summary>The match of <paramref name="profile"/> for <paramref name="query"/> at <paramref name="now"/>, or null.</summary>
    public static TalentMatch? Match(string community, TalentProfile profile, TalentQuery query, DateTimeOffset now)
    {
        if (query.Language is { } language && !profile.Languages.Contains(language, StringComparer.Ordinal))
        {
            return null;
        }

        if (query.Region is { } region && !string.Equals(profile.Region, region, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        List<TalentCredential>? matching = null;
        var score = -1;
        foreach (var credential in profile.Credentials)
        {
            if (!credential.IsValidFor(now, query.ValidForDays)
                || (query.DefinitionId is { } definition && (!credential.Disclosed || credential.DefinitionId != definition))
                || (query.Tier is { } tier && (!credential.Disclosed || credential.Tier != tier)))
            {
                continue;
            }

            var level = query.CompetencyCode is { } code
                ? credential.Competencies.FirstOrDefault(c => c.Code == code)?.Percent ?? -1
                : credential.Competencies.Count == 0 ? 0 : credential.Competencies.Max(c => c.Percent);
            if (level < 0 || level < query.MinimumPercent)
            {
                continue;
            }

            (matching ??= []).Add(credential);
            score = Math.Max(score, level);
        }

        return matching is null ? null : new TalentMatch(community, profile, matching, score);
    }

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
        return byValidity != 0 ? byValidity : string.CompareOrdinal(a.Community + "/" + a.Profile.LearnerId, b.Community + "/" + b.Profile.LearnerId);
    });

    private static DateTimeOffset Latest(TalentMatch match) => match.Matching.Max(c => c.ValidUntil ?? DateTimeOffset.MaxValue);
}
