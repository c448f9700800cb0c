using System.Text;

namespace CertGrid.Api.Tests.Assessments;

/// <summary>
/// The assessment lifecycle over GraphQL, as docs/api/assessments.md shows it: policy, submission with a reflection, blind review,
/// a consensus discussion closed by the lead, feedback, an appeal to a new panel that overturns, and the audit trail.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class AssessmentLifecycleTests(SharedServerFixture server)
{
    private const string AttemptFields = "id status learnerId learnerPseudonym blindReview panel { evaluatorId dueAt } verdict { outcome reason } leadEvaluatorId credentialId";

    [Fact]
    public async Task Policy_blind_review_discussion_feedback_and_an_overturning_appeal_all_work_through_graphql()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credentialId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var policy = await server.GraphQl.DataAsync(
            """
            mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) {
              blindReview reviewDeadlineDays appealWindowDays consensus { tolerancePoints onDisagreement } reflectivePrompts { code criterionCode } } }
            """,
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
        Assert.Equal("DISCUSSION", policy.GetProperty("setAssessmentPolicy").GetProperty("consensus").GetProperty("onDisagreement").GetString());

        var evaluators = new Dictionary<string, string>();
        foreach (var organisation in new[] { "Northwind", "Contoso", "Fabrikam", "Initech" })
        {
            var (id, key) = await scenario.RegisterEvaluatorAsync(organisation);
            evaluators[id] = key;
        }

        var learner = await scenario.EnrolLearnerAsync();
        var evidence = Encoding.UTF8.GetBytes("# Incident review\n\nWe cut failover time from 14 to 3 minutes.\n");
        var artifact = await scenario.UploadArtifactAsync(learner.Key, evidence);
        const string submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { " + AttemptFields + " reflections { promptCode text criterionCode } } }";
        var missing = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", submit, new { input = new { credentialDefinitionId = credentialId, artifactIds = new[] { artifact } } }, learner.Key);
        Assert.Contains("'LESSONS' is required", missing.GetProperty("message").GetString());
        var attempt = (await server.GraphQl.DataAsync(submit, new
        {
            input = new
            {
                credentialDefinitionId = credentialId, artifactIds = new[] { artifact },
                reflections = new[] { new { promptCode = "LESSONS", text = "I would automate the failover drill before touching the runbook again." } },
            },
        }, learner.Key)).GetProperty("submitAttempt");
        var attemptId = attempt.GetProperty("id").GetString()!;
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        Assert.All(attempt.GetProperty("panel").EnumerateArray(), s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("dueAt").ValueKind));

        // Blind review: the evaluator sees a pseudonym and the reflection, never the learner, and reads the evidence anonymously.
        var seen = (await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { " + AttemptFields + " reflections { text criterionCode } } }",
            new { id = attemptId }, evaluators[panel[0]])).GetProperty("attempt");
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("learnerId").ValueKind);
        Assert.StartsWith("Candidate ", seen.GetProperty("learnerPseudonym").GetString(), StringComparison.Ordinal);
        Assert.Equal("C2", seen.GetProperty("reflections")[0].GetProperty("criterionCode").GetString());
        var download = (await server.GraphQl.DataAsync("query($s: ID!, $a: ID!) { evidenceDownload(subjectId: $s, artifactId: $a) { url anonymised sha256 } }",
            new { s = attemptId, a = artifact }, evaluators[panel[0]])).GetProperty("evidenceDownload");
        Assert.True(download.GetProperty("anonymised").GetBoolean());
        var url = download.GetProperty("url").GetString()!;
        Assert.DoesNotContain(learner.Id, url, StringComparison.Ordinal);
        using (var http = new HttpClient())
        {
            Assert.Equal(evidence, await http.GetByteArrayAsync(url));
        }

        var outsider = evaluators.Keys.Except(panel).First();
        await server.GraphQl.ErrorAsync("FORBIDDEN", "query($s: ID!, $a: ID!) { evidenceDownload(subjectId: $s, artifactId: $a) { url } }", new { s = attemptId, a = artifact }, evaluators[outsider]);
        var asAdmin = (await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { learnerId } }", new { id = attemptId }, scenario.AdminKey)).GetProperty("attempt");
        Assert.Equal(learner.Id, asAdmin.GetProperty("learnerId").GetString());

        // The panel splits beyond the tolerance: a discussion opens, and the lead closes it with a recorded decision.
        await scenario.ReviewAsync(evaluators[panel[0]], attemptId, "Exemplary");
        var split = await scenario.ReviewAsync(evaluators[panel[1]], attemptId, "Not yet");
        Assert.Equal("NEEDS_DISCUSSION", split.GetProperty("verdict").GetProperty("outcome").GetString());
        var lead = (await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { leadEvaluatorId } }", new { id = attemptId }, scenario.AdminKey))
            .GetProperty("attempt").GetProperty("leadEvaluatorId").GetString()!;
        var follower = panel.Single(p => p != lead);
        var note = (await server.GraphQl.DataAsync("mutation($a: ID!, $t: String!) { postDiscussionNote(attemptId: $a, text: $t) { notes { id } } }",
            new { a = attemptId, t = "The failover numbers are real, but there is no SLO evidence at all." }, evaluators[follower])).GetProperty("postDiscussionNote").GetProperty("notes")[0].GetProperty("id").GetString();
        await server.GraphQl.DataAsync("mutation($a: ID!, $t: String!, $r: ID) { postDiscussionNote(attemptId: $a, text: $t, replyToNoteId: $r) { notes { id } } }",
            new { a = attemptId, t = "Agreed, C1 is not shown. Failing it.", r = note }, evaluators[lead]);
        const string close = "mutation($input: CloseDiscussionInput!) { closeDiscussion(input: $input) { status verdict { reason } discussion { notes { text replyToNoteId } decision { rationale } } } }";
        var closeInput = new { input = new { attemptId, passed = false, rationale = "No SLO evidence; the incident work alone does not meet the standard." } };
        await server.GraphQl.ErrorAsync("FORBIDDEN", close, closeInput, evaluators[follower]);
        var closed = (await server.GraphQl.DataAsync(close, closeInput, evaluators[lead])).GetProperty("closeDiscussion");
        Assert.Equal("FAILED", closed.GetProperty("status").GetString());
        Assert.Equal(note, closed.GetProperty("discussion").GetProperty("notes")[1].GetProperty("replyToNoteId").GetString());

        // The learner now sees feedback per criterion and how the decision was reached.
        var feedback = (await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { feedback { decision criteria { criterionCode level notes } overallNotes } } }",
            new { id = attemptId }, learner.Key)).GetProperty("attempt").GetProperty("feedback");
        Assert.Contains("No SLO evidence", feedback.GetProperty("decision").GetString());
        Assert.Equal(["C1", "C2"], feedback.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("criterionCode").GetString()));
        Assert.Equal(2, feedback.GetProperty("criteria")[0].GetProperty("notes").GetArrayLength());

        // The learner appeals; a new panel without the original evaluators overturns, and the credential is issued.
        var (spare, spareKey) = await scenario.RegisterEvaluatorAsync("Globex");
        evaluators[spare] = spareKey;
        var newEvidence = await scenario.UploadArtifactAsync(learner.Key, Encoding.UTF8.GetBytes("# SLO\n\n99.9% availability, measured at the edge.\n"));
        var appeal = (await server.GraphQl.DataAsync(
            "mutation($input: FileAppealInput!) { fileAppeal(input: $input) { id outcome panel { evaluatorId } } }",
            new { input = new { attemptId, justification = "My SLO document was in the portfolio but not cited; it is attached now and covers C1 in full.", artifactIds = new[] { newEvidence } } },
            learner.Key)).GetProperty("fileAppeal");
        var appealId = appeal.GetProperty("id").GetString()!;
        var appealPanel = appeal.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        Assert.Empty(appealPanel.Intersect(panel));

        // An appeal reviewer recuses with a reason; the seat goes to the one evaluator outside both panels, with a new deadline.
        const string recuse = "mutation($a: ID!, $r: String!) { recuseFromAppeal(appealId: $a, reason: $r) { panel { evaluatorId dueAt } formerSeats { evaluatorId why reason } } }";
        const string reason = "I mentored this learner on a side project last spring.";
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", recuse, new { a = appealId, r = "no" }, evaluators[appealPanel[0]]);
        await server.GraphQl.ErrorAsync("FORBIDDEN", recuse, new { a = appealId, r = reason }, evaluators[panel[0]]);
        var recused = (await server.GraphQl.DataAsync(recuse, new { a = appealId, r = reason }, evaluators[appealPanel[0]])).GetProperty("recuseFromAppeal");
        var former = recused.GetProperty("formerSeats").EnumerateArray().Single();
        Assert.Equal((appealPanel[0], "RECUSED", reason), (former.GetProperty("evaluatorId").GetString(), former.GetProperty("why").GetString(), former.GetProperty("reason").GetString()));
        var replaced = recused.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        Assert.Equal(evaluators.Keys.Except(panel).Except(appealPanel).Single(), replaced.Except(appealPanel).Single());
        Assert.All(recused.GetProperty("panel").EnumerateArray(), s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("dueAt").ValueKind));
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!, $scores: [CriterionScoreInput!]!) { submitAppealReview(appealId: $id, scores: $scores) { outcome } }",
            new { id = appealId, scores = new[] { new { criterionCode = "C1", level = "Proficient" }, new { criterionCode = "C2", level = "Proficient" } } }, evaluators[appealPanel[0]]);
        appealPanel = replaced;
        await server.GraphQl.ErrorAsync("CONFLICT", "mutation($input: FileAppealInput!) { fileAppeal(input: $input) { id } }",
            new { input = new { attemptId, justification = "Appealing a second time with the very same justification text here.", artifactIds = new[] { newEvidence } } }, learner.Key);
        var blindAppeal = (await server.GraphQl.DataAsync("query($id: ID!) { appeal(id: $id) { learnerId justification } }", new { id = appealId }, evaluators[appealPanel[0]])).GetProperty("appeal");
        Assert.Equal(JsonValueKind.Null, blindAppeal.GetProperty("learnerId").ValueKind);

        const string appealReview = "mutation($id: ID!, $scores: [CriterionScoreInput!]!) { submitAppealReview(appealId: $id, scores: $scores, overallNote: \"SLO shown.\") { outcome credentialId reason } }";
        var scores = new[] { new { criterionCode = "C1", level = "Proficient", note = "SLO document is clear." }, new { criterionCode = "C2", level = "Exemplary", note = "Strong incident work." } };
        await server.GraphQl.DataAsync(appealReview, new { id = appealId, scores }, evaluators[appealPanel[0]]);
        var overturned = (await server.GraphQl.DataAsync(appealReview, new { id = appealId, scores }, evaluators[appealPanel[1]])).GetProperty("submitAppealReview");
        Assert.Equal("OVERTURNED", overturned.GetProperty("outcome").GetString());
        var credential = overturned.GetProperty("credentialId").GetString()!;
        var verified = (await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid } }",
            new { c = $"{server.Cluster.PublicBaseUrl.ToString().TrimEnd('/')}/c/{scenario.Community}/credentials/{credential}" })).GetProperty("verifyCredential");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        var issued = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { attemptId appealId } }", new { id = credential }, learner.Key)).GetProperty("credential");
        Assert.Equal((attemptId, appealId), (issued.GetProperty("attemptId").GetString(), issued.GetProperty("appealId").GetString()));

        // Every step, with reviewer notes and the discussion, is in the audit chain, which stays intact.
        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action details } } verifyAuditLog { intact } }", key: scenario.AdminKey);
        var entries = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString()!, Details: e.GetProperty("details").GetString()!)).ToList();
        Assert.Contains(entries, e => e.Action == "credential.assessment-policy-set");
        Assert.Contains(entries, e => e.Action == "review.submitted" && e.Details.Contains("overallNote", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "discussion.note-posted" && e.Details.Contains("no SLO evidence at all", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "discussion.closed");
        Assert.Contains(entries, e => e.Action == "appeal.filed" && e.Details.Contains("not cited", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "appeal.decided");
        Assert.Contains(entries, e => e.Action == "attempt.overturned");
        Assert.True(audit.GetProperty("verifyAuditLog").GetProperty("intact").GetBoolean());
    }
}
