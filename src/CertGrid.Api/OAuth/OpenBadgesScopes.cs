namespace CertGrid.Api.OAuth;

/// <summary>The OAuth 2.0 scopes of the Open Badges 3.0 API (OB 3.0 section 6.1), and what each lets a client do, in words a learner reads on the consent page.</summary>
public static class OpenBadgesScopes
{
    public const string CredentialRead = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
    public const string CredentialUpsert = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert";
    public const string ProfileRead = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly";
    public const string ProfileUpdate = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update";

    public static IReadOnlyList<string> All { get; } = [CredentialRead, CredentialUpsert, ProfileRead, ProfileUpdate];

    public static string Describe(string scope) => scope switch
    {
        CredentialRead => "Read your credentials (the ones your community issued and the ones you stored here).",
        CredentialUpsert => "Store credentials in your CertGrid record, or replace ones it stored before.",
        ProfileRead => "Read your profile: your name, email address and public profile URL.",
        ProfileUpdate => "Change your public profile URL.",
        _ => scope,
    };
}
