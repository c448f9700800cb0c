using System.Text;
using Bogus;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// A learner with personal data in every place CertGrid keeps it: a profile (name, email, organisation), an artifact,
/// an attempt under blind review with a reflection (its evidence copied anonymously for the panel), reviewers' notes about
/// them, an issued credential, and a talent-search consent showing their name. Every piece of text carries a random tag,
/// so a sweep of the whole storage account finds exactly this learner's data and nobody else's.
/// </summary>
public sealed record ErasureScenario(
    CommunityScenario Community, string LearnerId, string LearnerKey, string AttemptId, string CredentialId, string Jwt,
    IReadOnlyList<string> PersonalTexts, byte[] ArtifactBytes, ErasureHistory? History = null)
{
    /// <summary>A text with a random tag, so a storage sweep finds exactly this copy.</summary>
    public static string Tagged(string text) => $"{text} {Guid.NewGuid():N}"[..Math.Min(text.Length + 33, 200)];

    /// <param name="grains">When given, the learner also gets the <see cref="ErasureHistory"/> (appeal, discussion, practice, CE, hosted copy).</param>
    public static async Task<ErasureScenario> CreateAsync(GraphQlClient graphQl, Orleans.IGrainFactory? grains = null)
    {
        var faker = new Faker();
        var scenario = await CommunityScenario.CreateAsync(graphQl);
        var frameworkId = await scenario.DefinePublishedFrameworkAsync();
        var credentialId = await scenario.DefineCredentialAsync(frameworkId);
        await SetBlindReviewPolicyAsync(scenario, credentialId);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };

        var name = Tagged(faker.Name.FullName());
        var email = ($"{Guid.NewGuid():N}"[..12] + "." + faker.Internet.Email()).ToLowerInvariant(); // stored as normalised
        var organisation = Tagged(faker.Company.CompanyName());
        var learnerId = (await graphQl.DataAsync("mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }",
            new { input = new { name, email, organisation } }, scenario.AdminKey)).GetProperty("enrolLearner").GetProperty("id").GetString()!;
        var learnerKey = await scenario.IssueKeyAsync("LEARNER", learnerId);

        var artifactBytes = Encoding.UTF8.GetBytes($"# Incident review {Guid.NewGuid():N}\n\n{faker.Lorem.Paragraph()}\n");
        var artifactId = await scenario.UploadArtifactAsync(learnerKey, artifactBytes);
        var reflection = Tagged(faker.Lorem.Sentence(12));
        var attempt = (await graphQl.DataAsync(
            "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id panel { evaluatorId } } }",
            new { input = new { credentialDefinitionId = credentialId, artifactIds = new[] { artifactId }, reflections = new[] { new { promptCode = "LESSONS", text = reflection } } } },
            learnerKey)).GetProperty("submitAttempt");
        var attemptId = attempt.GetProperty("id").GetString()!;

        var notes = new List<string>();
        string? issued = null;
        foreach (var (_, key) in evaluators)
        {
            // The panel reads the evidence under blind review: CertGrid copies it under an anonymous name.
            await graphQl.DataAsync("query($s: ID!, $a: ID!) { evidenceDownload(subjectId: $s, artifactId: $a) { url } }", new { s = attemptId, a = artifactId }, key);
            var criterionNotes = CommunityScenario.Criteria.Select(_ => Tagged(faker.Lorem.Sentence(8))).ToList();
            var overall = Tagged(faker.Lorem.Sentence(10));
            notes.AddRange([.. criterionNotes, overall]);
            var review = (await graphQl.DataAsync(
                "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { status credentialId } }",
                new { input = new { attemptId, scores = CommunityScenario.Criteria.Select((c, i) => new { criterionCode = c, level = "Proficient", note = criterionNotes[i] }).ToArray(), overallNote = overall } },
                key)).GetProperty("submitReview");
            issued = review.GetProperty("credentialId").GetString();
        }

        Assert.NotNull(issued);
        var jwt = (await graphQl.DataAsync("query($id: ID!) { credential(id: $id) { jwt } }", new { id = issued }, learnerKey))
            .GetProperty("credential").GetProperty("jwt").GetString()!;
        await graphQl.DataAsync("mutation($input: BecomeDiscoverableInput!) { becomeDiscoverable(input: $input) { id } }",
            new { input = new { credentialIds = new[] { issued }, showName = true, region = "Bavaria", allowContact = true } }, learnerKey);

        var history = grains is null ? null : await ErasureHistory.AddAsync(scenario, grains, frameworkId, learnerId, learnerKey, evaluators, artifactId, (name, email, organisation));
        return new ErasureScenario(scenario, learnerId, learnerKey, attemptId, issued!, jwt,
            [name, email, organisation, reflection, .. notes, .. history?.PersonalTexts ?? []], artifactBytes, history);
    }

    /// <summary>Blind review, a 30-day appeal window, a consensus discussion when the panel disagrees, and one reflective prompt.</summary>
    public static Task SetBlindReviewPolicyAsync(CommunityScenario scenario, string credentialId) => scenario.GraphQl.DataAsync(
        "mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) { blindReview } }",
        new
        {
            id = credentialId,
            input = new
            {
                blindReview = true, reviewDeadlineDays = 7, appealWindowDays = 30,
                consensus = new { tolerancePoints = 10, onDisagreement = "DISCUSSION" },
                reflectivePrompts = new[] { new { code = "LESSONS", prompt = "What would you do differently next time?", criterionCode = "C2", minWords = 5 } },
            },
        },
        scenario.AdminKey);
}
