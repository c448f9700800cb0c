namespace CertGrid.Api.OAuth;

/// <summary>
/// The id of an authorization or token: <c>{community}.{entityId}</c>, so the id alone (all OpenIddict hands a
/// store) leads to the learner's community and its grain. A community id and an entity id never contain a dot.
/// </summary>
public readonly record struct OAuthGrantId(string Community, string EntityId)
{
    public const string AuthorizationPrefix = IdPrefixes.OAuthAuthorization;
    public const string TokenPrefix = IdPrefixes.OAuthToken;

    public static OAuthGrantId New(string community, string prefix) => new(community, Domain.Tenancy.EntityId.New(prefix));

    public static bool TryParse(string? value, string prefix, out OAuthGrantId id)
    {
        id = default;
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || !CommunityId.IsValid(value![..dot]) || !Domain.Tenancy.EntityId.IsValid(value[(dot + 1)..], prefix))
        {
            return false;
        }

        id = new OAuthGrantId(value[..dot], value[(dot + 1)..]);
        return true;
    }

    public override string ToString() => $"{Community}.{EntityId}";
}
