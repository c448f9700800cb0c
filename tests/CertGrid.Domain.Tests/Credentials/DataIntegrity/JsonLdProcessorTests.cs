using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials.DataIntegrity.JsonLd;
using CertGrid.Domain.Credentials.DataIntegrity.Rdf;

namespace CertGrid.Domain.Tests.Credentials.DataIntegrity;

/// <summary>
/// JSON-LD to RDF on small documents whose RDF the JSON-LD 1.1 specification fixes, and the refusals that keep a
/// claim from being dropped silently from what is signed.
/// </summary>
public sealed class JsonLdProcessorTests
{
    private const string Ex = "https://example.org/vocab#";
    private static readonly JsonLdProcessor Processor = JsonLdProcessor.Bundled;

    [Fact]
    public void ListsNumbersBooleansJsonLiteralsAndLanguagesBecomeTheirRdfForms()
    {
        var document = Parse("""
            {
              "@context": { "@vocab": "https://example.org/vocab#", "scores": { "@container": "@list" },
                            "settings": { "@type": "@json" }, "label": { "@language": "EN-GB" } },
              "@id": "https://example.org/things/1",
              "scores": [3, 1.5],
              "active": true,
              "settings": { "z": 1, "a": ["x\n", null] },
              "label": "colour"
            }
            """);

        var nquads = NQuadsWriter.Dataset(Processor.ToRdf(document));

        Assert.Contains($"<https://example.org/things/1> <{Ex}active> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .", nquads, StringComparison.Ordinal);
        Assert.Contains($"<https://example.org/things/1> <{Ex}label> \"colour\"@en-gb .", nquads, StringComparison.Ordinal);
        Assert.Contains($"<https://example.org/things/1> <{Ex}settings> \"{{\\\"a\\\":[\\\"x\\\\n\\\",null],\\\"z\\\":1}}\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .", nquads, StringComparison.Ordinal);
        Assert.Contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .", nquads, StringComparison.Ordinal);
        Assert.Contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"1.5E0\"^^<http://www.w3.org/2001/XMLSchema#double> .", nquads, StringComparison.Ordinal);
        Assert.Equal(2, nquads.Split('\n').Count(l => l.Contains("22-rdf-syntax-ns#rest>", StringComparison.Ordinal)));
        Assert.Contains("<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .", nquads, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeIrisResolveAgainstTheContextBase()
    {
        var document = Parse("""
            { "@context": { "@base": "https://example.org/a/b/c", "@vocab": "https://example.org/vocab#", "see": { "@type": "@id" } },
              "@id": "../d", "see": ["./e?x=1", "#f", "//other.example/g"] }
            """);

        var nquads = NQuadsWriter.Dataset(Processor.ToRdf(document));

        Assert.Contains($"<https://example.org/a/d> <{Ex}see> <https://example.org/a/b/e?x=1> .", nquads, StringComparison.Ordinal);
        Assert.Contains($"<https://example.org/a/d> <{Ex}see> <https://example.org/a/b/c#f> .", nquads, StringComparison.Ordinal);
        Assert.Contains($"<https://example.org/a/d> <{Ex}see> <https://other.example/g> .", nquads, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameCredentialWrittenInAnotherOrderCanonicalisesToTheSameBytes()
    {
        var credential = Parse("""
            { "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": { "id": "https://issuer.example/", "type": "Profile", "name": "Guild" },
              "validFrom": "2026-01-01T00:00:00Z",
              "credentialSubject": { "type": "AchievementSubject", "achievement": { "id": "https://issuer.example/a", "type": "Achievement", "name": "A",
                "criteria": { "narrative": "Do it." }, "description": "d" }, "identifier": [{ "type": "IdentityObject", "hashed": true,
                "identityHash": "sha256$00", "identityType": "emailAddress", "salt": "s" }] } }
            """);
        var reordered = Parse("""
            { "credentialSubject": { "identifier": [{ "salt": "s", "identityType": "emailAddress", "identityHash": "sha256$00", "hashed": true,
                "type": "IdentityObject" }], "achievement": { "description": "d", "criteria": { "narrative": "Do it." }, "name": "A", "type": "Achievement",
                "id": "https://issuer.example/a" }, "type": "AchievementSubject" },
              "validFrom": "2026-01-01T00:00:00Z", "issuer": { "name": "Guild", "type": "Profile", "id": "https://issuer.example/" },
              "type": ["VerifiableCredential", "OpenBadgeCredential"],
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] }
            """);

        var canonical = Processor.Canonicalize(credential);

        Assert.Equal(canonical, Processor.Canonicalize(reordered));
        Assert.Contains("_:c14n0", canonical, StringComparison.Ordinal);
        // The OB 3.0.3 context types identityObject.hashed with the https form of the XML Schema namespace.
        Assert.Contains("\"true\"^^<https://www.w3.org/2001/XMLSchema#boolean>", canonical, StringComparison.Ordinal);
        Assert.Contains("<https://www.w3.org/2018/credentials#validFrom> \"2026-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>", canonical, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "nickname": "x" }""", "undefined term")]
    [InlineData("""{ "@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "credentialSubject": { "nickname": "x" } }""", "undefined term")]
    [InlineData("""{ "@context": "https://www.w3.org/ns/credentials/v2", "type": "UnknownCredential" }""", "invalid IRI")]
    [InlineData("""{ "@context": "https://www.w3.org/ns/credentials/v2", "id": "relative/credential", "name": "x" }""", "invalid IRI")]
    [InlineData("""{ "@context": "https://contexts.example/unknown", "name": "x" }""", "loading remote context failed")]
    [InlineData("""{ "@context": ["https://www.w3.org/ns/credentials/v2", { "name": "https://example.org/other-name" }], "name": "x" }""", "protected term redefinition")]
    [InlineData("""{ "@context": ["https://www.w3.org/ns/credentials/v2", null], "name": "x" }""", "invalid context nullification")]
    [InlineData("""{ "@context": { "knows": { "@reverse": "https://example.org/knows" } }, "knows": { "@id": "https://example.org/b" } }""", "unsupported construct")]
    [InlineData("""{ "@context": { "@vocab": "https://example.org/", "tags": { "@container": "@language" } }, "tags": { "en": "x" } }""", "unsupported construct")]
    [InlineData("""{ "@context": { "@vocab": "https://example.org/" }, "@id": "https://example.org/x", "@included": [] }""", "unsupported construct")]
    public void WhatWouldBeDroppedOrMisreadIsRefusedWithItsJsonLdErrorCode(string json, string code)
    {
        var error = Assert.Throws<JsonLdException>(() => Processor.ToRdf(Parse(json)));

        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
