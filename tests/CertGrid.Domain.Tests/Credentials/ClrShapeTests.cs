using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Credentials;

public sealed class ClrShapeTests
{
    private static JsonObject Record(int credentials = 2) => JsonNode.Parse(ClrDocument.Build(
        "urn:uuid:5b0c6a9e-0d36-4f0e-9a57-3c1f2b6f1e11",
        new IssuerProfile("https://certgrid.example/c/guild/issuer", "Reliability Guild", null, null, null),
        "Ada Lovelace", "ada@example.org", "5a1t", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        [.. Enumerable.Range(0, credentials).Select(i => ($"eyJhbGciOiJFUzI1NiJ9.eyJpZCI6{i}.c2ln", $"Achievement {i}"))]).ToJsonString())!.AsObject();

    [Fact]
    public void A_built_record_has_every_required_field()
    {
        Assert.Empty(ClrShape.FindProblems(Record()));
    }

    [Fact]
    public void A_record_without_a_credential_is_not_a_clr()
    {
        Assert.Equal(["credentialSubject.verifiableCredential must hold at least one credential"], ClrShape.FindProblems(Record(credentials: 0)));
    }

    [Theory]
    [InlineData("name", "name is required")]
    [InlineData("validFrom", "validFrom is required")]
    [InlineData("issuer", "issuer is required")]
    [InlineData("@context", "@context must start with the VC 2.0 context and include the CLR 2.0 context")]
    public void A_missing_required_member_is_named(string member, string problem)
    {
        var record = Record();
        record.Remove(member);
        Assert.Equal([problem], ClrShape.FindProblems(record));
    }

    [Fact]
    public void The_subject_must_be_a_clr_subject_and_envelopes_must_carry_a_vc_jwt()
    {
        var record = Record();
        var subject = record["credentialSubject"]!.AsObject();
        subject["type"] = new JsonArray("AchievementSubject");
        subject["verifiableCredential"]![0]!["id"] = "https://example.org/credential";
        record["credentialStatus"] = new JsonArray(new JsonObject { ["type"] = "BitstringStatusListEntry" });

        Assert.Equal(
            [
                "credentialStatus must be one object",
                "credentialSubject.type must include ClrSubject",
                "credentialSubject.verifiableCredential[0].id must be a data: URL of a VC-JWT (application/vc+jwt)",
            ],
            ClrShape.FindProblems(record));
    }
}
