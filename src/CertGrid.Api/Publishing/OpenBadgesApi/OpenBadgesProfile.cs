using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Learners;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// A learner as an OB 3.0 <c>Profile</c> (<c>getProfile</c>/<c>putProfile</c>): name and email as their community
/// enrolled them, and their public profile URL, the one thing the learner decides (<c>url</c>).
/// </summary>
public static class OpenBadgesProfile
{
    public static JsonObject Document(string community, LearnerProfile learner)
    {
        var profile = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = learner.PublicProfileUrl ?? $"urn:certgrid:{community}:learner:{learner.Id}",
            ["type"] = new JsonArray("Profile"),
            ["name"] = learner.Name,
            ["email"] = learner.Email,
        };
        if (learner.PublicProfileUrl is { } url)
        {
            profile["url"] = url;
        }

        return profile;
    }

    /// <summary>The public profile URL the PUT body asks for (null withdraws it), or why the body cannot be applied.</summary>
    public static bool TryReadUrl(string body, LearnerProfile current, out string? url, out string error)
    {
        url = null;
        error = string.Empty;
        JsonObject? profile;
        try
        {
            profile = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            profile = null;
        }

        if (profile is null)
        {
            error = "Send the profile as a JSON object.";
            return false;
        }

        if (Changes(profile, "name", current.Name) || Changes(profile, "email", current.Email))
        {
            error = "Name and email are kept by your community; only 'url' (your public profile URL) can be changed here.";
            return false;
        }

        if (profile["url"] is { } value && value.GetValueKind() != JsonValueKind.Null)
        {
            if (value.GetValueKind() != JsonValueKind.String)
            {
                error = "'url' must be a string: your public profile URL.";
                return false;
            }

            url = value.GetValue<string>();
        }

        return true;
    }

    private static bool Changes(JsonObject profile, string field, string current) =>
        profile[field] is { } value && (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != current);
}
