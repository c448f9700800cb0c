namespace CertGrid.Api.OAuth;

/// <summary>The OAuth subject of a learner who authorised a client: <c>{community}/{learnerId}</c>.</summary>
public readonly record struct LearnerSubject(string Community, string LearnerId)
{
    public static bool TryParse(string? value, out LearnerSubject subject)
    {
        subject = default;
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || !CommunityId.IsValid(value![..slash]) || !EntityId.IsValid(value[(slash + 1)..], IdPrefixes.Learner))
        {
            return false;
        }

        subject = new LearnerSubject(value[..slash], value[(slash + 1)..]);
        return true;
    }

    public override string ToString() => $"{Community}/{LearnerId}";
}
