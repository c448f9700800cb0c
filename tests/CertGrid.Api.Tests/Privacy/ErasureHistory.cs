using System.Text;
using System.Text.Json;
using Bogus;
using CertGrid.Abstractions.Credentials;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// The rest of a learner's history, for the erasure sweep: a second attempt the panel split on, discussed (notes and the
/// decision's rationale) and failed; the learner's appeal of it (grounds, new evidence the appeal panel reads as anonymous
/// copies, the panel's notes); a practice session reviewed by a declared mentor; a continuing-education activity; and a
/// credential an Open Badges API client stored in the learner's record (put straight into the grain: the OAuth dance is
/// tested elsewhere). Every text carries a random tag.
/// </summary>
public sealed record ErasureHistory(string FailedAttemptId, string AppealId, string PracticeSessionId, IReadOnlyList<string> PersonalTexts, byte[] AppealEvidenceBytes)
{
    public static async Task<ErasureHistory> AddAsync(
        CommunityScenario scenario, Orleans.IGrainFactory grains, string frameworkId, string learnerId, string learnerKey,
        IReadOnlyList<(string Id, string Key)> firstPanel, string artifactId, (string Name, string Email, string Organisation) person)
    {
        var faker = new Faker();
        var graphQl = scenario.GraphQl;
        var texts = new List<string>();
        string Tag(string text)
        {
            var tagged = ErasureScenario.Tagged(text);
            texts.Add(tagged);
            return tagged;
        }

        object Scores(string level) => CommunityScenario.Criteria.Select(c => new { criterionCode = c, level, note = Tag(faker.Lorem.Sentence(6)) }).ToArray();

        var evaluators = firstPanel.ToDictionary(p => p.Id, p => p.Key);
        foreach (var organisation in new[] { "Fabrikam", "Initech" })
        {
            var (id, key) = await scenario.RegisterEvaluatorAsync(organisation);
            evaluators[id] = key;
        }

        // The panel splits on a second credential, discusses it and fails the attempt.
        var credentialId = await scenario.DefineCredentialAsync(frameworkId);
        await ErasureScenario.SetBlindReviewPolicyAsync(scenario, credentialId);
        var attempt = (await graphQl.DataAsync(
            "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id panel { evaluatorId } } }",
            new { input = new { credentialDefinitionId = credentialId, artifactIds = new[] { artifactId }, reflections = new[] { new { promptCode = "LESSONS", text = Tag(faker.Lorem.Sentence(12)) } } } },
            learnerKey)).GetProperty("submitAttempt");
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        const string review = "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { verdict { outcome } } }";
        await graphQl.DataAsync(review, new { input = new { attemptId, scores = Scores("Exemplary"), overallNote = Tag(faker.Lorem.Sentence(8)) } }, evaluators[panel[0]]);
        var split = await graphQl.DataAsync(review, new { input = new { attemptId, scores = Scores("Not yet"), overallNote = Tag(faker.Lorem.Sentence(8)) } }, evaluators[panel[1]]);
        Assert.Equal("NEEDS_DISCUSSION", split.GetProperty("submitReview").GetProperty("verdict").GetProperty("outcome").GetString());
        var lead = (await graphQl.DataAsync("query($id: ID!) { attempt(id: $id) { leadEvaluatorId } }", new { id = attemptId }, scenario.AdminKey))
            .GetProperty("attempt").GetProperty("leadEvaluatorId").GetString()!;
        await graphQl.DataAsync("mutation($a: ID!, $t: String!) { postDiscussionNote(attemptId: $a, text: $t) { openedAt } }",
            new { a = attemptId, t = Tag(faker.Lorem.Sentence(10)) }, evaluators[panel.Single(p => p != lead)]);
        var closed = await graphQl.DataAsync("mutation($input: CloseDiscussionInput!) { closeDiscussion(input: $input) { status } }",
            new { input = new { attemptId, passed = false, rationale = Tag(faker.Lorem.Sentence(10)) } }, evaluators[lead]);
        Assert.Equal("FAILED", closed.GetProperty("closeDiscussion").GetProperty("status").GetString());

        // The learner appeals with new evidence; the appeal panel (outside the first) reads anonymous copies and upholds it.
        var appealBytes = Encoding.UTF8.GetBytes($"# Service level objectives {Guid.NewGuid():N}\n\n{faker.Lorem.Paragraph()}\n");
        var appealArtifact = await scenario.UploadArtifactAsync(learnerKey, appealBytes);
        var appeal = (await graphQl.DataAsync("mutation($input: FileAppealInput!) { fileAppeal(input: $input) { id panel { evaluatorId } } }",
            new { input = new { attemptId, justification = Tag(faker.Lorem.Sentence(14)), artifactIds = new[] { appealArtifact } } }, learnerKey))
            .GetProperty("fileAppeal");
        var appealId = appeal.GetProperty("id").GetString()!;
        foreach (var seat in appeal.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!))
        {
            await graphQl.DataAsync("query($s: ID!, $a: ID!) { evidenceDownload(subjectId: $s, artifactId: $a) { url } }", new { s = appealId, a = appealArtifact }, evaluators[seat]);
            await graphQl.DataAsync("mutation($id: ID!, $scores: [CriterionScoreInput!]!, $note: String) { submitAppealReview(appealId: $id, scores: $scores, overallNote: $note) { outcome } }",
                new { id = appealId, scores = Scores("Not yet"), note = Tag(faker.Lorem.Sentence(8)) }, evaluators[seat]);
        }

        // A practice session, reviewed by a mentor the learner declared.
        var mentor = panel[0];
        var session = (await graphQl.DataAsync("mutation($c: ID!, $s: [CriterionScoreInput!]!, $n: String) { selfAssess(credentialId: $c, scores: $s, note: $n) { id } }",
            new { c = credentialId, s = CommunityScenario.Criteria.Select(c => new { criterionCode = c, level = "Developing" }).ToArray(), n = Tag(faker.Lorem.Sentence(8)) }, learnerKey))
            .GetProperty("selfAssess").GetProperty("id").GetString()!;
        await graphQl.DataAsync("mutation($o: String!, $n: String) { declareRelationship(otherPerson: $o, kind: MENTOR, note: $n) { kind } }",
            new { o = $"evaluator:{mentor}", n = Tag(faker.Lorem.Sentence(5)) }, learnerKey); // the note is copied onto the mentor's side too
        await graphQl.DataAsync("mutation($s: ID!, $m: ID!, $a: [ID!]) { requestPracticeReview(sessionId: $s, mentorEvaluatorId: $m, artifactIds: $a) { id } }",
            new { s = session, m = mentor, a = new[] { artifactId } }, learnerKey);
        await graphQl.DataAsync("mutation($l: ID!, $s: ID!, $sc: [CriterionScoreInput!]!, $n: String) { submitPracticeReview(learnerId: $l, sessionId: $s, scores: $sc, note: $n) { id } }",
            new { l = learnerId, s = session, sc = CommunityScenario.Criteria.Select(c => new { criterionCode = c, level = "Proficient" }).ToArray(), n = Tag(faker.Lorem.Sentence(8)) },
            evaluators[mentor]);

        // Continuing education, and a credential an Open Badges API client stored.
        await graphQl.DataAsync("mutation($input: RecordCeActivityInput!) { recordCeActivity(input: $input) { id } }",
            new { input = new { kind = "COURSE", title = Tag(faker.Lorem.Sentence(4)), credits = 2, category = "technical", occurredOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
            learnerKey);
        var hosted = JsonSerializer.Serialize(new { type = new[] { "VerifiableCredential", "OpenBadgeCredential" }, credentialSubject = new { name = Tag(faker.Lorem.Sentence(3)) } });
        await grains.HostedCredentials(scenario.Community, learnerId).UpsertAsync(hosted, isCompactJws: false, $"urn:uuid:{Guid.NewGuid()}");

        // A roster file naming the learner (already enrolled: their row is left as it is) and somebody else.
        var other = new Faker();
        var roster = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "Name,Email,Organisation", $"\"{person.Name}\",{person.Email},\"{person.Organisation}\"",
            $"\"{other.Name.FullName()}\",{Guid.NewGuid():N}.{other.Internet.Email().ToLowerInvariant()},Acme") + "\r\n");
        var ticket = (await graphQl.DataAsync("mutation($input: StartRosterImportInput!) { startRosterImport(input: $input) { import { id } uploadUrl } }",
            new { input = new { fileName = "members.csv", sizeBytes = roster.Length } }, scenario.AdminKey)).GetProperty("startRosterImport");
        Assert.Equal(201, await CommunityScenario.PutAsync(ticket, roster, "text/csv"));
        var checkedImport = (await graphQl.DataAsync("mutation($id: ID!) { dryRunRosterImport(id: $id) { status unchangedRows } }",
            new { id = ticket.GetProperty("import").GetProperty("id").GetString() }, scenario.AdminKey)).GetProperty("dryRunRosterImport");
        Assert.Equal("CHECKED", checkedImport.GetProperty("status").GetString());
        Assert.Equal(1, checkedImport.GetProperty("unchangedRows").GetInt64());

        return new ErasureHistory(attemptId, appealId, session, texts, appealBytes);
    }
}
