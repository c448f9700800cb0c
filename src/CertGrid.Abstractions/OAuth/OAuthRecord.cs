namespace CertGrid.Abstractions.OAuth;

/// <summary>
/// One stored record of the OAuth 2.0 authorization server (a registered client, an authorization or a token) as
/// the authorization server's store wrote it (JSON), with the version that guards concurrent updates and the ids
/// linked to it (the tokens of an authorization).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.oauth-record")]
public sealed record OAuthRecord(
    [property: Id(0)] string Json,
    [property: Id(1)] string Version,
    [property: Id(2)] IReadOnlyList<string> Links);
