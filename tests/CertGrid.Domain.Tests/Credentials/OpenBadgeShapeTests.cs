using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Credentials;

public class OpenBadgeShapeTests
{
    private const string ContextProblem = "@context must start with the VC 2.0 context and include the Open Badges 3.0 context";

    /// <summary>A built credential, re-parsed from text as the verifier sees a JWT payload.</summary>
    private static JsonObject Document() =>
        JsonNode.Parse(OpenBadgeDocument.Build(OpenBadgeDocumentTests.Sample()).ToJsonString())!.AsObject();

    private static JsonObject Achievement(JsonObject document) => document["credentialSubject"]!["achievement"]!.AsObject();

    [Fact]
    public void FindProblems_finds_none_in_a_built_document()
    {
        Assert.Empty(OpenBadgeShape.FindProblems(OpenBadgeDocument.Build(OpenBadgeDocumentTests.Sample())));
        Assert.Empty(OpenBadgeShape.FindProblems(Document()));
    }

    [Fact]
    public void FindProblems_reports_a_missing_context()
    {
        var document = Document();
        document.Remove("@context");

        Assert.Equal([ContextProblem], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_contexts_in_the_wrong_order()
    {
        var document = Document();
        document["@context"] = new JsonArray(OpenBadgeDocument.ObContext, OpenBadgeDocument.VcContext);

        Assert.Equal([ContextProblem], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_context_without_open_badges()
    {
        var document = Document();
        document["@context"] = new JsonArray(OpenBadgeDocument.VcContext, "https://www.w3.org/ns/credentials/examples/v2");

        Assert.Equal([ContextProblem], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_context_given_as_a_single_string()
    {
        var document = Document();
        document["@context"] = OpenBadgeDocument.VcContext;

        Assert.Equal([ContextProblem], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_accepts_an_older_open_badges_3_context_and_extra_contexts()
    {
        var document = Document();
        document["@context"] = new JsonArray(
            OpenBadgeDocument.VcContext, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "https://w3id.org/security/suites/ed25519-2020/v1");

        Assert.Empty(OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_rather_than_throws_when_the_context_holds_a_non_string()
    {
        var document = Document();
        document["@context"] = JsonNode.Parse("""[42, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]""");

        // Untrusted input: a malformed entry must become a reported problem, never an exception.
        var problems = OpenBadgeShape.FindProblems(document);

        Assert.Equal([ContextProblem], problems);
    }

    [Fact]
    public void FindProblems_accepts_an_embedded_context_object_after_the_required_urls()
    {
        // JSON-LD allows a context entry to be an object; VC 2.0 credentials use this for local terms.
        var document = Document();
        document["@context"] = JsonNode.Parse("""
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
             {"@vocab": "https://acme.example/vocab#"}]
            """);

        // Untrusted input: a malformed entry must become a reported problem, never an exception.
        var problems = OpenBadgeShape.FindProblems(document);

        Assert.Empty(problems);
    }

    [Fact]
    public void FindProblems_accepts_an_embedded_context_object_before_the_open_badges_url()
    {
        // The rule is "start with VC 2.0 and include Open Badges 3.0"; an object entry on the way must not make it throw.
        var document = Document();
        document["@context"] = JsonNode.Parse("""
            ["https://www.w3.org/ns/credentials/v2", {"@vocab": "https://acme.example/vocab#"},
             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
            """);

        var problems = OpenBadgeShape.FindProblems(document);

        Assert.Empty(problems);
    }

    [Fact]
    public void FindProblems_reports_a_missing_type()
    {
        var document = Document();
        document.Remove("type");

        Assert.Equal(
            ["type must include VerifiableCredential", "type must include OpenBadgeCredential or AchievementCredential"],
            OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_type_without_the_open_badges_credential_type()
    {
        var document = Document();
        document["type"] = "VerifiableCredential";

        Assert.Equal(["type must include OpenBadgeCredential or AchievementCredential"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_accepts_achievement_credential_as_the_type()
    {
        var document = Document();
        document["type"] = new JsonArray("VerifiableCredential", "AchievementCredential");

        Assert.Empty(OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_type_entries_that_are_not_strings()
    {
        var document = Document();
        document["type"] = JsonNode.Parse("""[1, {"name": "VerifiableCredential"}]""");

        Assert.Equal(
            ["type must include VerifiableCredential", "type must include OpenBadgeCredential or AchievementCredential"],
            OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_an_issuer_given_as_a_bare_string()
    {
        var document = Document();
        document["issuer"] = "https://certgrid.example/acme/issuer";

        Assert.Equal(["issuer must be a Profile object, not a bare id"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_missing_issuer()
    {
        var document = Document();
        document.Remove("issuer");

        Assert.Equal(["issuer is required"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_an_issuer_without_id_or_profile_type()
    {
        var document = Document();
        document["issuer"]!.AsObject().Remove("id");
        document["issuer"]!["type"] = new JsonArray("Organization");

        Assert.Equal(["issuer.id is required", "issuer.type must include Profile"], OpenBadgeShape.FindProblems(document));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("validFrom")]
    public void FindProblems_reports_a_missing_top_level_string(string name)
    {
        var document = Document();
        document.Remove(name);

        Assert.Equal([$"{name} is required"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_blank_or_non_string_values_as_missing()
    {
        var document = Document();
        document["id"] = "   ";
        document["validFrom"] = 1735689600;

        Assert.Equal(["id is required", "validFrom is required"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_missing_subject_and_stops_there()
    {
        var document = Document();
        document.Remove("credentialSubject");

        Assert.Equal(["credentialSubject is required"], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_a_missing_achievement()
    {
        var document = Document();
        document["credentialSubject"]!.AsObject().Remove("achievement");

        Assert.Equal(["credentialSubject.achievement is required"], OpenBadgeShape.FindProblems(document));
    }

    [Theory]
    [InlineData("id", "credentialSubject.achievement.id is required")]
    [InlineData("name", "credentialSubject.achievement.name is required")]
    [InlineData("description", "credentialSubject.achievement.description is required")]
    [InlineData("type", "credentialSubject.achievement.type must include Achievement")]
    [InlineData("criteria", "credentialSubject.achievement.criteria is required")]
    public void FindProblems_reports_each_missing_achievement_field(string field, string problem)
    {
        var document = Document();
        Achievement(document).Remove(field);

        Assert.Equal([problem], OpenBadgeShape.FindProblems(document));
    }

    [Fact]
    public void FindProblems_reports_every_problem_at_once()
    {
        var document = Document();
        document.Remove("@context");
        document.Remove("validFrom");
        document.Remove("issuer");
        Achievement(document).Remove("name");
        Achievement(document)["criteria"] = "just do it";

        Assert.Equal(
        [
            ContextProblem,
            "validFrom is required",
            "issuer is required",
            "credentialSubject.achievement.name is required",
            "credentialSubject.achievement.criteria is required",
        ], OpenBadgeShape.FindProblems(document));
    }
}
