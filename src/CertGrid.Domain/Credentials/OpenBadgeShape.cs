using System.Text.Json.Nodes;
using static CertGrid.Domain.Credentials.RequiredFields;

namespace CertGrid.Domain.Credentials;

/// <summary>
/// The Open Badges 3.0 required-field rules for an AchievementCredential (the JSON Schema's required members
/// and the VC 2.0 context order), checked on every verification so a partner learns what is malformed.
/// </summary>
public static class OpenBadgeShape
{
    public static IReadOnlyList<string> FindProblems(JsonObject credential)
    {
        var problems = new List<string>();
        RequireContext(credential, "https://purl.imsglobal.org/spec/ob/v3p0/context", "Open Badges 3.0", problems);
        RequireType(credential, "VerifiableCredential", problems);
        if (!HasAnyType(credential, "OpenBadgeCredential", "AchievementCredential"))
        {
            problems.Add("type must include OpenBadgeCredential or AchievementCredential");
        }

        RequireString(credential, "id", problems);
        RequireString(credential, "validFrom", problems);
        RequireIssuerProfile(credential, problems);
        if (credential["credentialSubject"] is not JsonObject subject)
        {
            problems.Add("credentialSubject is required");
            return problems;
        }

        if (subject["achievement"] is not JsonObject achievement)
        {
            problems.Add("credentialSubject.achievement is required");
            return problems;
        }

        RequireString(achievement, "id", problems, "credentialSubject.achievement.");
        RequireString(achievement, "name", problems, "credentialSubject.achievement.");
        RequireString(achievement, "description", problems, "credentialSubject.achievement.");
        RequireType(achievement, "Achievement", problems, "credentialSubject.achievement.");
        if (achievement["criteria"] is not JsonObject)
        {
            problems.Add("credentialSubject.achievement.criteria is required");
        }

        return problems;
    }
}
