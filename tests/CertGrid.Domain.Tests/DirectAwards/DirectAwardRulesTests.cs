using System.Text;
using CertGrid.Domain.DirectAwards;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.DirectAwards;

/// <summary>What a direct award must say, how its credential id is derived, and how the webhook body is read.</summary>
public class DirectAwardRulesTests
{
    private const string DefinitionId = "def_abcdefghijkmnpqrstuv";
    private const string LearnerId = "lrn_abcdefghijkmnpqrstuv";

    private static DirectAward Award(string? learnerId = LearnerId, string? email = null, string externalId = "course-7/ada", string source = "moodle", params AwardEvidence[] evidence) =>
        new(DefinitionId, learnerId, email, externalId, source, evidence);

    [Fact]
    public void A_valid_award_is_kept_trimmed_with_the_email_in_lower_case()
    {
        var valid = DirectAwardRules.Validate(Award(null, " Ada.Lovelace@Example.ORG ", " course-7/ada ", "moodle", new AwardEvidence("https://lms.example.org/certificates/7", " Completion certificate ")));

        Assert.Equal(("ada.lovelace@example.org", "course-7/ada"), (valid.LearnerEmail, valid.ExternalId));
        Assert.Equal("Completion certificate", Assert.Single(valid.Evidence).Title);
    }

    [Theory]
    [InlineData(LearnerId, "ada@example.org", "input.learnerId")]
    [InlineData(null, null, "input.learnerId")]
    [InlineData("evl_abcdefghijkmnpqrstuv", null, "input.learnerId")]
    [InlineData(null, "not an email", "input.learnerEmail")]
    public void The_learner_is_named_exactly_once_and_well(string? learnerId, string? email, string field) =>
        AssertInvalid(field, Award(learnerId, email));

    [Theory]
    [InlineData("", "moodle", "input.externalId")]
    [InlineData("two words", "moodle", "input.externalId")]
    [InlineData("ok", "", "input.source")]
    [InlineData("ok", "my lms", "input.source")]
    [InlineData("ok", "lms/7", "input.source")]
    public void The_external_id_and_source_are_tokens(string externalId, string source, string field) =>
        AssertInvalid(field, Award(externalId: externalId, source: source));

    [Fact]
    public void Evidence_links_are_http_urls_given_once_each()
    {
        AssertInvalid("input.evidence[0].url", Award(evidence: new AwardEvidence("ftp://files.example.org/x", "File")));
        AssertInvalid("input.evidence[0].url", Award(evidence: new AwardEvidence("https://user:pw@example.org/x", "File")));
        AssertInvalid("input.evidence[1].title", Award(evidence: [new AwardEvidence("https://example.org/a", "A"), new AwardEvidence("https://example.org/b", " ")]));
        AssertInvalid("input.evidence", Award(evidence: [new AwardEvidence("https://example.org/a", "A"), new AwardEvidence("https://example.org/a", "Again")]));
        AssertInvalid("input.evidence", Award(evidence: Enumerable.Range(0, DirectAwardRules.MaxEvidence + 1).Select(i => new AwardEvidence($"https://example.org/{i}", "E")).ToArray()));
    }

    [Fact]
    public void The_credential_id_derives_from_the_community_and_the_external_id_alone()
    {
        var id = DirectAwardIdentity.CredentialId("guild", "course-7/ada");

        Assert.True(EntityId.IsValid(id, IdPrefixes.Credential), id);
        Assert.Equal(id, DirectAwardIdentity.CredentialId("guild", "course-7/ada"));
        Assert.NotEqual(id, DirectAwardIdentity.CredentialId("guild", "course-7/bob"));
        Assert.NotEqual(id, DirectAwardIdentity.CredentialId("other-guild", "course-7/ada"));
    }

    [Fact]
    public void The_fingerprint_tells_a_repeat_from_another_award_under_the_same_external_id()
    {
        var award = Award(evidence: new AwardEvidence("https://example.org/a", "A"));

        Assert.Equal(DirectAwardIdentity.Fingerprint(award, LearnerId), DirectAwardIdentity.Fingerprint(award with { LearnerId = null, LearnerEmail = "ada@example.org" }, LearnerId));
        Assert.NotEqual(DirectAwardIdentity.Fingerprint(award, LearnerId), DirectAwardIdentity.Fingerprint(award, "lrn_anotherlearnerxxxxxx"));
        Assert.NotEqual(DirectAwardIdentity.Fingerprint(award, LearnerId), DirectAwardIdentity.Fingerprint(award with { Source = "events" }, LearnerId));
        Assert.NotEqual(DirectAwardIdentity.Fingerprint(award, LearnerId), DirectAwardIdentity.Fingerprint(award with { Evidence = [] }, LearnerId));
    }

    [Fact]
    public void The_webhook_body_is_read_as_an_award_and_nothing_else()
    {
        var award = AwardHookRequest.ReadBody(Encoding.UTF8.GetBytes(
            """{"definitionId":"def_x","learnerEmail":"ada@example.org","externalId":"e-1","source":"moodle","evidence":[{"url":"https://example.org/a","title":"A"}]}"""), out var problem);
        Assert.Null(problem);
        Assert.Equal(("def_x", "ada@example.org", "e-1"), (award!.DefinitionId, award.LearnerEmail, award.ExternalId));
        Assert.Equal("https://example.org/a", Assert.Single(award.Evidence).Url);

        foreach (var body in new[] { "", "not json", "null", "[]", """{"definitionId":"def_x","externalld":"typo"}""", """{"definitionId":7}""", """{"definitionId":"def_x",""" })
        {
            Assert.Null(AwardHookRequest.ReadBody(Encoding.UTF8.GetBytes(body), out problem));
            Assert.StartsWith("The body ", problem);
        }
    }

    private static void AssertInvalid(string field, DirectAward award)
    {
        var error = Assert.Throws<CertGridException>(() => DirectAwardRules.Validate(award));
        Assert.Equal((ErrorCode.ValidationFailed, field), (error.Code, error.Field));
    }
}
