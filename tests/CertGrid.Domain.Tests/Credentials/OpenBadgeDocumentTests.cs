using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Credentials;

public class OpenBadgeDocumentTests
{
    private const string AchievementUrl = "https://certgrid.example/acme/achievements/def_secure";

    internal static readonly Rubric SampleRubric = new(
    [
        new RubricCriterion("DESIGN", "Secure design", null, ["SEC-1", "SEC 2"],
        [
            new RubricLevel("Novice", 0, "Names threats but does not address them"),
            new RubricLevel("Meets expectations", 2, null),
            new RubricLevel("Expert", 4, "Threat model drives the design"),
        ], 3),
        new RubricCriterion("TEST", "Testing", null, ["OPS-1"],
        [
            new RubricLevel("None", 0, null),
            new RubricLevel("Thorough", 10, null),
        ]),
    ], 60);

    internal static CredentialContent Sample(
        CredentialTier tier = CredentialTier.Advanced,
        IReadOnlyList<CompetencyAlignment>? alignments = null,
        IReadOnlyList<EvidenceItem>? evidence = null,
        DateTimeOffset? validUntil = null,
        IReadOnlyList<CriterionResult>? results = null) => new(
        "https://certgrid.example/acme/credentials/vc_7h3k",
        new IssuerProfile("https://certgrid.example/acme/issuer", "Acme Guild", "https://acme.example", "certs@acme.example", null),
        AchievementUrl,
        "Secure Systems Practitioner",
        "Designs and tests systems with security built in.",
        tier,
        "Submit a portfolio reviewed by two independent evaluators.",
        alignments ?? [],
        SampleRubric,
        results ?? [new("DESIGN", "Meets expectations"), new("TEST", "Thorough")],
        evidence ?? [],
        " Ada.Lovelace@Example.ORG ",
        "pepper-123",
        new DateTimeOffset(2025, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2)),
        validUntil);

    private static readonly CompetencyAlignment[] Alignments =
    [
        new("SEC-1", "Threat modelling", "https://acme.example/frameworks/sec/v2", "Acme Security Framework"),
        new("SEC 2", "Secure defaults", "https://acme.example/frameworks/sec/v2", "Acme Security Framework"),
    ];

    private static readonly EvidenceItem PortfolioPdf = new(
        "https://certgrid.example/acme/artifacts/art_1/v/2", "portfolio.pdf",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "application/pdf", 123456);

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static JsonObject Subject(JsonObject document) => document["credentialSubject"]!.AsObject();

    private static JsonObject Achievement(JsonObject document) => Subject(document)["achievement"]!.AsObject();

    [Fact]
    public void Build_starts_with_the_vc2_then_open_badges_303_contexts()
    {
        var document = OpenBadgeDocument.Build(Sample());

        Assert.Equal(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            Strings(document["@context"]));
    }

    [Fact]
    public void Build_types_the_document_as_an_open_badge_credential()
    {
        var document = OpenBadgeDocument.Build(Sample());

        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(document["type"]));
        Assert.Equal("https://certgrid.example/acme/credentials/vc_7h3k", (string?)document["id"]);
        Assert.Equal("Secure Systems Practitioner", (string?)document["name"]);
    }

    [Fact]
    public void Build_names_the_issuer_as_a_profile_with_only_the_fields_it_has()
    {
        var issuer = OpenBadgeDocument.Build(Sample())["issuer"]!.AsObject();

        Assert.Equal("https://certgrid.example/acme/issuer", (string?)issuer["id"]);
        Assert.Equal(["Profile"], Strings(issuer["type"]));
        Assert.Equal("Acme Guild", (string?)issuer["name"]);
        Assert.Equal("https://acme.example", (string?)issuer["url"]);
        Assert.Equal("certs@acme.example", (string?)issuer["email"]);
        Assert.False(issuer.ContainsKey("description"));
    }

    [Fact]
    public void Build_omits_blank_optional_issuer_fields()
    {
        var content = Sample() with { Issuer = new IssuerProfile("https://i.example", "I", " ", null, "Runs things") };

        var issuer = OpenBadgeDocument.Build(content)["issuer"]!.AsObject();

        Assert.False(issuer.ContainsKey("url"));
        Assert.False(issuer.ContainsKey("email"));
        Assert.Equal("Runs things", (string?)issuer["description"]);
    }

    [Fact]
    public void Build_writes_validity_as_utc_seconds()
    {
        var document = OpenBadgeDocument.Build(Sample(validUntil: new DateTimeOffset(2027, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5))));

        Assert.Equal("2025-03-04T03:06:07Z", (string?)document["validFrom"]);
        Assert.Equal("2028-01-01T04:59:59Z", (string?)document["validUntil"]);
    }

    [Fact]
    public void Build_omits_valid_until_when_the_credential_does_not_expire()
    {
        var document = OpenBadgeDocument.Build(Sample(validUntil: null));

        Assert.False(document.ContainsKey("validUntil"));
    }

    [Fact]
    public void Timestamp_has_the_xml_schema_utc_shape_for_any_offset()
    {
        var faker = new Faker { Random = new Randomizer(12) };
        for (var i = 0; i < 200; i++)
        {
            var value = new DateTimeOffset(faker.Date.Between(new DateTime(2000, 1, 1), new DateTime(2099, 1, 1)).Ticks, TimeSpan.FromMinutes(faker.Random.Int(-14 * 4, 14 * 4) * 15));

            var text = OpenBadgeDocument.Timestamp(value);

            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", text);
            var parsed = DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.Equal(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), parsed.UtcTicks);
        }
    }

    [Fact]
    public void Build_identifies_the_holder_only_by_a_salted_hash_of_the_normalised_email()
    {
        var document = OpenBadgeDocument.Build(Sample());

        var identity = Assert.Single(Subject(document)["identifier"]!.AsArray())!.AsObject();
        var expected = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ada.lovelace@example.orgpepper-123")));
        Assert.Equal(["AchievementSubject"], Strings(Subject(document)["type"]));
        Assert.Equal("IdentityObject", (string?)identity["type"]);
        Assert.Equal("emailAddress", (string?)identity["identityType"]);
        Assert.True((bool)identity["hashed"]!);
        Assert.Equal("pepper-123", (string?)identity["salt"]);
        Assert.Equal(expected, (string?)identity["identityHash"]);
        Assert.DoesNotContain("lovelace", document.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void IdentityHash_differs_by_salt_but_not_by_email_case()
    {
        Assert.Equal(OpenBadgeDocument.IdentityHash("ADA@example.org", "s1"), OpenBadgeDocument.IdentityHash(" ada@EXAMPLE.org", "s1"));
        Assert.NotEqual(OpenBadgeDocument.IdentityHash("ada@example.org", "s1"), OpenBadgeDocument.IdentityHash("ada@example.org", "s2"));
        Assert.Matches("^sha256\\$[0-9a-f]{64}$", OpenBadgeDocument.IdentityHash("ada@example.org", "s1"));
    }

    [Theory]
    [InlineData(CredentialTier.Foundational, "Certificate")]
    [InlineData(CredentialTier.MicroCredential, "MicroCredential")]
    [InlineData(CredentialTier.Advanced, "Certification")]
    [InlineData(CredentialTier.Specialisation, "Certification")]
    public void Build_publishes_each_tier_as_its_achievement_type(CredentialTier tier, string achievementType)
    {
        var achievement = Achievement(OpenBadgeDocument.Build(Sample(tier)));

        Assert.Equal(achievementType, (string?)achievement["achievementType"]);
        Assert.Equal(achievementType, OpenBadgeDocument.AchievementType(tier));
    }

    [Fact]
    public void Build_describes_the_achievement()
    {
        var achievement = Achievement(OpenBadgeDocument.Build(Sample()));

        Assert.Equal(AchievementUrl, (string?)achievement["id"]);
        Assert.Equal(["Achievement"], Strings(achievement["type"]));
        Assert.Equal("Secure Systems Practitioner", (string?)achievement["name"]);
        Assert.Equal("Designs and tests systems with security built in.", (string?)achievement["description"]);
        Assert.Equal("Submit a portfolio reviewed by two independent evaluators.", (string?)achievement["criteria"]!["narrative"]);
    }

    [Fact]
    public void Build_aligns_the_achievement_to_competencies_only_when_there_are_alignments()
    {
        var without = Achievement(OpenBadgeDocument.Build(Sample(alignments: [])));
        var with = Achievement(OpenBadgeDocument.Build(Sample(alignments: Alignments)));

        Assert.False(without.ContainsKey("alignment"));
        var alignment = with["alignment"]!.AsArray();
        Assert.Equal(2, alignment.Count);
        var second = alignment[1]!.AsObject();
        Assert.Equal(["Alignment"], Strings(second["type"]));
        Assert.Equal("Secure defaults", (string?)second["targetName"]);
        Assert.Equal("SEC 2", (string?)second["targetCode"]);
        Assert.Equal("Acme Security Framework", (string?)second["targetFramework"]);
        Assert.Equal("https://acme.example/frameworks/sec/v2#SEC%202", (string?)second["targetUrl"]);
        Assert.Equal("ceasn:Competency", (string?)second["targetType"]);
    }

    [Fact]
    public void Build_describes_each_rubric_criterion_with_its_levels()
    {
        var descriptions = Achievement(OpenBadgeDocument.Build(Sample()))["resultDescription"]!.AsArray();

        Assert.Equal(2, descriptions.Count);
        var design = descriptions[0]!.AsObject();
        Assert.Equal($"{AchievementUrl}#criterion-DESIGN", (string?)design["id"]);
        Assert.Equal(["ResultDescription"], Strings(design["type"]));
        Assert.Equal("Secure design", (string?)design["name"]);
        Assert.Equal("RubricCriterionLevel", (string?)design["resultType"]);
        Assert.Equal(["SEC-1", "SEC 2"], design["alignment"]!.AsArray().Select(a => (string)a!["targetCode"]!).ToArray());
        Assert.Equal($"{AchievementUrl}#competency-SEC%202", (string?)design["alignment"]![1]!["targetUrl"]);

        var levels = design["rubricCriterionLevel"]!.AsArray();
        Assert.Equal(["Novice", "Meets expectations", "Expert"], levels.Select(l => (string)l!["name"]!).ToArray());
        Assert.Equal(["0", "2", "4"], levels.Select(l => (string)l!["points"]!).ToArray());
        Assert.Equal("Names threats but does not address them", (string?)levels[0]!["description"]);
        Assert.Equal("Meets expectations", (string?)levels[1]!["description"]); // no descriptor: the name stands in
        Assert.All(levels, l => Assert.Equal(["RubricCriterionLevel"], Strings(l!["type"])));
        Assert.Equal($"{AchievementUrl}#criterion-DESIGN-level-meets-expectations", (string?)levels[1]!["id"]);
        Assert.Equal(3, levels.Select(l => (string?)l!["id"]).Distinct().Count());
    }

    [Fact]
    public void Build_results_point_at_the_criterion_and_one_of_its_level_ids()
    {
        var document = OpenBadgeDocument.Build(Sample(results: [new("DESIGN", "Meets expectations"), new("TEST", "THOROUGH")]));

        var descriptions = Achievement(document)["resultDescription"]!.AsArray().ToDictionary(d => (string)d!["id"]!, d => d!.AsObject());
        var results = Subject(document)["result"]!.AsArray();
        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            Assert.Equal(["Result"], Strings(result!["type"]));
            var description = descriptions[(string)result["resultDescription"]!];
            var levelIds = description["rubricCriterionLevel"]!.AsArray().Select(l => (string)l!["id"]!).ToList();
            Assert.Contains((string)result["achievedLevel"]!, levelIds);
        }

        Assert.Equal($"{AchievementUrl}#criterion-DESIGN-level-meets-expectations", (string?)results[0]!["achievedLevel"]);
        Assert.Equal($"{AchievementUrl}#criterion-TEST-level-thorough", (string?)results[1]!["achievedLevel"]);
    }

    [Fact]
    public void Build_includes_evidence_only_when_there_is_some()
    {
        var without = OpenBadgeDocument.Build(Sample(evidence: []));
        var with = OpenBadgeDocument.Build(Sample(evidence: [PortfolioPdf]));

        Assert.False(without.ContainsKey("evidence"));
        var item = Assert.Single(with["evidence"]!.AsArray())!.AsObject();
        Assert.Equal(PortfolioPdf.Url, (string?)item["id"]);
        Assert.Equal(["Evidence"], Strings(item["type"]));
        Assert.Equal("portfolio.pdf", (string?)item["name"]);
        Assert.Equal(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 (application/pdf, 123456 bytes)",
            (string?)item["description"]);
    }

    [Fact]
    public void Build_declares_the_achievement_credential_schema()
    {
        var schema = Assert.Single(OpenBadgeDocument.Build(Sample())["credentialSchema"]!.AsArray())!;

        Assert.Equal("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", (string?)schema["id"]);
        Assert.Equal("1EdTechJsonSchemaValidator2019", (string?)schema["type"]);
    }

    [Fact]
    public void Build_of_random_credentials_is_well_shaped_and_every_result_names_a_real_level()
    {
        var faker = new Faker { Random = new Randomizer(303) };
        for (var run = 0; run < 150; run++)
        {
            var rubric = Rubrics.Random(faker);
            var results = rubric.Criteria
                .Where(_ => faker.Random.Bool(0.9f))
                .Select(c => new CriterionResult(c.Code, Rubrics.Sloppy(faker, faker.PickRandom<RubricLevel>(c.Levels).Name).Trim()))
                .ToList();
            var content = Sample(
                faker.PickRandom<CredentialTier>(),
                faker.Make(faker.Random.Int(0, 3), () => new CompetencyAlignment(faker.Random.Replace("??-#"), faker.Hacker.Phrase(), faker.Internet.Url(), faker.Company.CompanyName())).ToList(),
                faker.Make(faker.Random.Int(0, 3), () => new EvidenceItem(faker.Internet.Url(), faker.System.FileName(), faker.Random.Hash(64), faker.System.MimeType(), faker.Random.Long(1, 1 << 24))).ToList(),
                faker.Random.Bool() ? faker.Date.FutureOffset() : null,
                results) with
            {
                Rubric = rubric,
                HolderEmail = faker.Internet.Email(),
                IdentitySalt = faker.Random.AlphaNumeric(16),
            };

            var document = OpenBadgeDocument.Build(content);

            Assert.Empty(OpenBadgeShape.FindProblems(document));
            var levelIds = Achievement(document)["resultDescription"]!.AsArray()
                .SelectMany(d => d!["rubricCriterionLevel"]!.AsArray().Select(l => (string)l!["id"]!))
                .ToHashSet();
            var achieved = Subject(document)["result"]!.AsArray().Select(r => (string)r!["achievedLevel"]!).ToList();
            Assert.Equal(results.Count, achieved.Count);
            Assert.All(achieved, id => Assert.Contains(id, levelIds));
            Assert.Equal(content.Evidence.Count > 0, document.ContainsKey("evidence"));
            Assert.Equal(content.Alignments.Count > 0, Achievement(document).ContainsKey("alignment"));
            Assert.DoesNotContain(content.HolderEmail, document.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Matches(new Regex("^sha256\\$[0-9a-f]{64}$"), (string)Subject(document)["identifier"]![0]!["identityHash"]!);
        }
    }
}
