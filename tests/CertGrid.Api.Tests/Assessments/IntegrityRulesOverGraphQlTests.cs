using System.Text;

namespace CertGrid.Api.Tests.Assessments;

/// <summary>
/// Every integrity rule refuses over GraphQL with a coded error and a message that says what to do: policy input,
/// relationships (declared by learners, evaluators and admins), retakes, recusal, sessions, practice and admin signals.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class IntegrityRulesOverGraphQlTests(SharedServerFixture server)
{
    private const string SetPolicy = "mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) { retake { cooldownDaysAfterFail } } }";

    [Fact]
    public async Task Policy_input_is_validated_with_the_field_named_and_only_admins_set_it()
    {
        var (scenario, credential) = await CredentialAsync();
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", SetPolicy, new { id = credential, input = new { retake = new { cooldownDaysAfterFail = 900 } } }, scenario.AdminKey);
        Assert.Equal("input.retake.cooldownDaysAfterFail", error.GetProperty("extensions").GetProperty("field").GetString());
        var prompt = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", SetPolicy,
            new { id = credential, input = new { reflectivePrompts = new[] { new { code = "R", prompt = "Why?", criterionCode = "NOPE" } } } }, scenario.AdminKey);
        Assert.Contains("C1, C2", prompt.GetProperty("message").GetString());
        var learner = await scenario.EnrolLearnerAsync();
        await server.GraphQl.ErrorAsync("FORBIDDEN", SetPolicy, new { id = credential, input = new { } }, learner.Key);
        var read = await server.GraphQl.DataAsync("query($id: ID!) { credentialDefinition(id: $id) { assessmentPolicy { reviewDeadlineDays appealWindowDays expertise excludeSameOrganisation } } }",
            new { id = credential }, learner.Key);
        var policy = read.GetProperty("credentialDefinition").GetProperty("assessmentPolicy");
        Assert.Equal(("ALL_COMPETENCIES", 14, true), (policy.GetProperty("expertise").GetString(), policy.GetProperty("reviewDeadlineDays").GetInt32(), policy.GetProperty("excludeSameOrganisation").GetBoolean()));
    }

    [Fact]
    public async Task Declared_relationships_keep_evaluators_off_panels_and_people_declare_only_their_own()
    {
        var (scenario, credential) = await CredentialAsync();
        var learner = await scenario.EnrolLearnerAsync();
        var mentor = await scenario.RegisterEvaluatorAsync("Northwind");
        var sponsor = await scenario.RegisterEvaluatorAsync("Contoso");
        var free = new[] { await scenario.RegisterEvaluatorAsync("Fabrikam"), await scenario.RegisterEvaluatorAsync("Initech") };
        const string declare = "mutation($o: String!, $k: RelationshipKind!, $p: String) { declareRelationship(otherPerson: $o, kind: $k, person: $p) { from to kind declaredBy } }";

        var byLearner = (await server.GraphQl.DataAsync(declare, new { o = $"evaluator:{mentor.Id}", k = "MENTOR" }, learner.Key)).GetProperty("declareRelationship");
        Assert.Equal($"learner:{learner.Id}", byLearner.GetProperty("from").GetString());
        await server.GraphQl.DataAsync(declare, new { o = $"learner:{learner.Id}", k = "SPONSOR" }, sponsor.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", declare, new { o = $"evaluator:{free[0].Id}", k = "FRIEND", p = $"learner:{learner.Id}" }, sponsor.Key);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", declare, new { o = "evaluator:evl_aaaaaaaaaaaaaaaaaaaa", k = "FRIEND" }, learner.Key);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", declare, new { o = "someone", k = "FRIEND" }, learner.Key);
        var byAdmin = await server.GraphQl.DataAsync(declare, new { o = $"evaluator:{free[0].Id}", k = "COLLEAGUE", p = $"evaluator:{free[1].Id}" }, scenario.AdminKey);
        Assert.StartsWith("admin:", byAdmin.GetProperty("declareRelationship").GetProperty("declaredBy").GetString(), StringComparison.Ordinal);

        var mine = await server.GraphQl.DataAsync("{ relationships { kind to from } }", key: learner.Key);
        Assert.Equal(2, mine.GetProperty("relationships").GetArrayLength());

        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()).ToList();
        Assert.Equal(free.Select(f => f.Id).Order(), panel.Order());
        Assert.All(attempt.GetProperty("panel").EnumerateArray(), s => Assert.Contains("no declared relationship", s.GetProperty("reason").GetString()));

        // Ending the mentor relationship is recorded; the history stays.
        var ended = await server.GraphQl.DataAsync("mutation($o: String!) { endRelationship(otherPerson: $o, kind: MENTOR) { kind until } }", new { o = $"evaluator:{mentor.Id}" }, learner.Key);
        Assert.Contains(ended.GetProperty("endRelationship").EnumerateArray(), r => r.GetProperty("kind").GetString() == "MENTOR" && r.GetProperty("until").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_retake_too_soon_is_a_policy_violation_saying_when_and_the_eligibility_query_agrees()
    {
        var (scenario, credential) = await CredentialAsync();
        await server.GraphQl.DataAsync(SetPolicy, new { id = credential, input = new { retake = new { cooldownDaysAfterFail = 14, remediationAfterFails = 1 } } }, scenario.AdminKey);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        foreach (var (_, key) in evaluators)
        {
            await scenario.ReviewAsync(key, attempt.GetProperty("id").GetString()!, "Not yet");
        }

        var error = await server.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }",
            new { input = new { credentialDefinitionId = credential, artifactIds = new[] { await scenario.UploadArtifactAsync(learner.Key) } } }, learner.Key);
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("cool-down after a fail is 14 day(s)", message, StringComparison.Ordinal);
        Assert.Contains("Missing: a diagnostic self-assessment", message, StringComparison.Ordinal);
        Assert.Contains("You are next eligible on", message, StringComparison.Ordinal);

        var eligibility = (await server.GraphQl.DataAsync("query($c: ID!) { retakeEligibility(credentialId: $c) { eligible nextEligibleAt reasons missing } }", new { c = credential }, learner.Key))
            .GetProperty("retakeEligibility");
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());
        Assert.True(eligibility.GetProperty("nextEligibleAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(13));
        Assert.Single(eligibility.GetProperty("missing").EnumerateArray());

        // A diagnostic self-assessment clears what is missing, and shows up in the readiness report; the cool-down remains.
        var scores = new[] { new { criterionCode = "C1", level = "Proficient" }, new { criterionCode = "C2", level = "Developing" } };
        await server.GraphQl.DataAsync("mutation($c: ID!, $s: [CriterionScoreInput!]!) { selfAssess(credentialId: $c, scores: $s) { id selfPercent } }", new { c = credential, s = scores }, learner.Key);
        var after = (await server.GraphQl.DataAsync("query($c: ID!) { retakeEligibility(credentialId: $c) { missing } readinessReport(credentialId: $c) { ready weakCriteria } }",
            new { c = credential }, learner.Key));
        Assert.Empty(after.GetProperty("retakeEligibility").GetProperty("missing").EnumerateArray());
        Assert.Equal(["C2"], after.GetProperty("readinessReport").GetProperty("weakCriteria").EnumerateArray().Select(c => c.GetString()));
        var attempts = await server.GraphQl.DataAsync("{ learner { attempts { id } } }", key: learner.Key);
        Assert.Single(attempts.GetProperty("learner").GetProperty("attempts").EnumerateArray());
    }

    [Fact]
    public async Task Recusal_evaluator_admin_sessions_and_signals_refuse_with_coded_errors()
    {
        var (scenario, credential) = await CredentialAsync();
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso"), await scenario.RegisterEvaluatorAsync("Fabrikam") };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        var seated = attempt.GetProperty("panel")[0].GetProperty("evaluatorId").GetString()!;
        var key = evaluators.Single(e => e.Id == seated).Key;
        const string recuse = "mutation($a: ID!, $r: String!) { recuse(attemptId: $a, reason: $r) { panel { evaluatorId } formerSeats { evaluatorId why reason } } }";
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", recuse, new { a = attemptId, r = "no" }, key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", recuse, new { a = attemptId, r = "I am the learner's former manager." }, learner.Key);
        var recused = (await server.GraphQl.DataAsync(recuse, new { a = attemptId, r = "I am the learner's former manager." }, key)).GetProperty("recuse");
        Assert.Equal("RECUSED", recused.GetProperty("formerSeats")[0].GetProperty("why").GetString());
        Assert.DoesNotContain(recused.GetProperty("panel").EnumerateArray(), s => s.GetProperty("evaluatorId").GetString() == seated);

        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($id: ID!) { setEvaluatorActive(id: $id, active: false) { active } }", new { id = seated }, scenario.AdminKey);
        var inactive = await server.GraphQl.DataAsync("mutation($id: ID!) { setEvaluatorActive(id: $id, active: false, reason: \"On sabbatical\") { active inactiveReason recusals } }", new { id = seated }, scenario.AdminKey);
        Assert.Equal(1, inactive.GetProperty("setEvaluatorActive").GetProperty("recusals").GetInt32());
        var languages = await server.GraphQl.DataAsync("mutation($id: ID!) { updateEvaluator(id: $id, input: { languages: [\"en\", \"FR\"] }) { languages } }", new { id = evaluators[2].Id }, scenario.AdminKey);
        Assert.Equal(["en", "fr"], languages.GetProperty("updateEvaluator").GetProperty("languages").EnumerateArray().Select(l => l.GetString()));

        // Sessions: a slot booked twice, outside the cut-off and by a non-learner are refused with codes.
        var host = evaluators.First(e => e.Id != seated).Key;
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        var slot = (await server.GraphQl.DataAsync("mutation($s: [NewSessionSlotInput!]!) { publishSessionSlots(slots: $s) { id booked } }",
            new { s = new[] { new { credentialId = credential, startsAt, durationMinutes = 60 } } }, host)).GetProperty("publishSessionSlots")[0].GetProperty("id").GetString();
        await server.GraphQl.ErrorAsync("CONFLICT", "mutation($s: [NewSessionSlotInput!]!) { publishSessionSlots(slots: $s) { id } }",
            new { s = new[] { new { credentialId = credential, startsAt = startsAt.AddMinutes(30), durationMinutes = 60 } } }, host);
        var other = await scenario.EnrolLearnerAsync();
        const string book = "mutation($s: ID!) { bookSession(slotId: $s) { id status reminderDueAt } }";
        await server.GraphQl.ErrorAsync("FORBIDDEN", book, new { s = slot }, evaluators[0].Key);
        var booking = (await server.GraphQl.DataAsync(book, new { s = slot }, learner.Key)).GetProperty("bookSession");
        await server.GraphQl.ErrorAsync("CONFLICT", book, new { s = slot }, other.Key);
        var mine = await server.GraphQl.DataAsync("{ sessionBookings { id startsAt } }", key: learner.Key);
        Assert.Equal(booking.GetProperty("id").GetString(), mine.GetProperty("sessionBookings")[0].GetProperty("id").GetString());
        var cancelled = await server.GraphQl.DataAsync("mutation($b: ID!) { cancelBooking(bookingId: $b) { status } }", new { b = booking.GetProperty("id").GetString() }, learner.Key);
        Assert.Equal("CANCELLED", cancelled.GetProperty("cancelBooking").GetProperty("status").GetString());

        // Signals are for admins.
        await server.GraphQl.ErrorAsync("FORBIDDEN", "{ duplicateEvidence { nodes { sha256 } } }", key: learner.Key);
        var signals = await server.GraphQl.DataAsync("{ duplicateEvidence { nodes { sha256 } } divergentEvaluators { evaluatorId } appeals { nodes { id } } }", key: scenario.AdminKey);
        Assert.Empty(signals.GetProperty("divergentEvaluators").EnumerateArray());
    }

    [Fact]
    public async Task The_same_file_from_two_learners_is_flagged_to_admins()
    {
        var (scenario, credential) = await CredentialAsync();
        for (var i = 0; i < 3; i++)
        {
            await scenario.RegisterEvaluatorAsync($"Org {i}");
        }

        var copied = Encoding.UTF8.GetBytes("# Runbook\n\nStep 1: page the on-call. Step 2: fail over.\n");
        var first = await scenario.EnrolLearnerAsync();
        var second = await scenario.EnrolLearnerAsync();
        await scenario.SubmitAttemptAsync(first.Key, credential, await scenario.UploadArtifactAsync(first.Key, copied));
        await scenario.SubmitAttemptAsync(second.Key, credential, await scenario.UploadArtifactAsync(second.Key, copied));
        var flags = await server.GraphQl.DataAsync("{ duplicateEvidence { nodes { sha256 submissions { learnerId attemptId } } } }", key: scenario.AdminKey);
        var flag = Assert.Single(flags.GetProperty("duplicateEvidence").GetProperty("nodes").EnumerateArray());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), flag.GetProperty("submissions").EnumerateArray().Select(s => s.GetProperty("learnerId").GetString()).Order());
    }

    [Fact]
    public async Task A_stalled_discussion_passes_the_lead_on_a_recusal_and_an_admin_closes_it_with_a_reason()
    {
        var (scenario, credential) = await CredentialAsync();
        await server.GraphQl.DataAsync(SetPolicy, new { id = credential, input = new { consensus = new { tolerancePoints = 10, onDisagreement = "DISCUSSION" } } }, scenario.AdminKey);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync("Northwind"), await scenario.RegisterEvaluatorAsync("Contoso") };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credential, await scenario.UploadArtifactAsync(learner.Key));
        var attemptId = attempt.GetProperty("id").GetString()!;
        var key = evaluators.ToDictionary(e => e.Id, e => e.Key);
        var panel = attempt.GetProperty("panel").EnumerateArray().Select(s => s.GetProperty("evaluatorId").GetString()!).ToList();
        await scenario.ReviewAsync(key[panel[0]], attemptId, "Exemplary");
        await scenario.ReviewAsync(key[panel[1]], attemptId, "Not yet");
        var lead = (await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { leadEvaluatorId } }", new { id = attemptId }, scenario.AdminKey))
            .GetProperty("attempt").GetProperty("leadEvaluatorId").GetString()!;
        var other = panel.Single(id => id != lead);

        const string recuse = "mutation($a: ID!, $r: String!) { recuseFromDiscussion(attemptId: $a, reason: $r) { leadEvaluatorId leadDueAt recusedEvaluatorIds } }";
        var recused = (await server.GraphQl.DataAsync(recuse, new { a = attemptId, r = "The learner turns out to be my former report." }, key[lead])).GetProperty("recuseFromDiscussion");
        Assert.Equal(other, recused.GetProperty("leadEvaluatorId").GetString());
        Assert.NotEqual(JsonValueKind.Null, recused.GetProperty("leadDueAt").ValueKind);
        Assert.Equal([lead], recused.GetProperty("recusedEvaluatorIds").EnumerateArray().Select(e => e.GetString()));
        var asAttempt = await server.GraphQl.DataAsync("query($id: ID!) { attempt(id: $id) { leadEvaluatorId } }", new { id = attemptId }, scenario.AdminKey);
        Assert.Equal(other, asAttempt.GetProperty("attempt").GetProperty("leadEvaluatorId").GetString());
        await server.GraphQl.ErrorAsync("POLICY_VIOLATION", recuse, new { a = attemptId, r = "I would rather not decide this alone." }, key[other]);

        const string close = "mutation($input: CloseDiscussionInput!) { closeDiscussion(input: $input) { status verdict { reason } discussion { decision { decidedBy rationale } } } }";
        var input = new { input = new { attemptId, passed = false, rationale = "Stalled for two weeks; the notes agree C1 is not shown." } };
        await server.GraphQl.ErrorAsync("FORBIDDEN", close, input, learner.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", close, input, key[lead]);
        var closed = (await server.GraphQl.DataAsync(close, input, scenario.AdminKey)).GetProperty("closeDiscussion");
        Assert.Equal("FAILED", closed.GetProperty("status").GetString());
        Assert.StartsWith("admin:", closed.GetProperty("discussion").GetProperty("decision").GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("community admin", closed.GetProperty("verdict").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action actor details } } }", key: scenario.AdminKey);
        Assert.Contains(audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "discussion.closed" && e.GetProperty("actor").GetString()!.StartsWith("admin:", StringComparison.Ordinal)
            && e.GetProperty("details").GetString()!.Contains("Stalled for two weeks", StringComparison.Ordinal));
    }

    private async Task<(CommunityScenario Scenario, string Credential)> CredentialAsync()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        return (scenario, await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync()));
    }
}
