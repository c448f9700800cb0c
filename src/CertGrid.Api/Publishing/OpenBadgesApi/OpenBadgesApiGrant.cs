namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>Whom an OB 3.0 API request acts for (a learner of one community) and the scopes it was granted.</summary>
public sealed record OpenBadgesApiGrant(string Community, string LearnerId, IReadOnlySet<string> Scopes);
