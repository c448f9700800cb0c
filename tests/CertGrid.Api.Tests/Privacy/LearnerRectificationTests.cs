namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// Issue 17.4, the right to rectification, on a 2-silo cluster through GraphQL: a corrected name, email and organisation
/// reach every copy (learner row, credentials' records, attempts, the talent profile); the old values remain only where
/// they are history by design: the audit entry of the enrolment, the credential JWT as signed, and the analytics group
/// the decision was counted in.
/// </summary>
public sealed class LearnerRectificationTests
{
    [Fact]
    public async Task A_rectified_name_email_and_organisation_replace_every_copy_that_is_not_history()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        var learner = await ErasureScenario.CreateAsync(cluster.GraphQl(0));
        var (oldName, oldEmail, oldOrganisation) = (learner.PersonalTexts[0], learner.PersonalTexts[1], learner.PersonalTexts[2]);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (name, email, organisation) = ($"Corrected Name {tag}", $"corrected.{tag}@example.org", $"Corrected Org {tag}");

        var rectified = (await cluster.GraphQl(1).DataAsync(
            "mutation($input: RectifyLearnerInput!) { rectifyLearner(input: $input) { id name email organisation } }",
            new { input = new { name, email, organisation } }, learner.LearnerKey)).GetProperty("rectifyLearner");
        Assert.Equal((learner.LearnerId, name, email, organisation),
            (rectified.GetProperty("id").GetString(), rectified.GetProperty("name").GetString(), rectified.GetProperty("email").GetString(), rectified.GetProperty("organisation").GetString()));
        await cluster.GraphQl(0).ErrorAsync("VALIDATION_FAILED", "mutation { rectifyLearner(input: { email: \"not an email\" }) { id } }", key: learner.LearnerKey);

        var admin = learner.Community.AdminKey;
        var listed = (await cluster.GraphQl(0).DataAsync("{ learners(first: 50) { nodes { id name email } } }", key: admin))
            .GetProperty("learners").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == learner.LearnerId);
        Assert.Equal((name, email), (listed.GetProperty("name").GetString(), listed.GetProperty("email").GetString()));
        var holder = (await cluster.GraphQl(1).DataAsync("query($id: ID!) { credential(id: $id) { holderName jwt } }", new { id = learner.CredentialId }, admin))
            .GetProperty("credential");
        Assert.Equal(name, holder.GetProperty("holderName").GetString());
        Assert.Equal(learner.Jwt, holder.GetProperty("jwt").GetString());

        // Stale copies: the old values are left only where they are history by design.
        var left = await new PersonalDataSweep([oldName, oldEmail, oldOrganisation], []).FindAsync();
        var stale = left.Where(where => !where.Contains("Audit row", StringComparison.Ordinal)
            && !(where.Contains("_credential_", StringComparison.Ordinal) && where.Contains(Describe(oldName), StringComparison.Ordinal))
            && !(where.Contains("_programanalytics_", StringComparison.Ordinal) && where.Contains(Describe(oldOrganisation), StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, "Old values left after rectification:\n" + string.Join('\n', stale));
        Assert.DoesNotContain(left, where => where.Contains(Describe(oldEmail), StringComparison.Ordinal));
        var renamed = await new PersonalDataSweep([name], []).FindAsync();
        Assert.Contains(renamed, where => where.Contains("Talent row", StringComparison.Ordinal));
    }

    private static string Describe(string text) => text[..Math.Min(text.Length, 40)];
}
