namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// After the faults, every write the flows had acknowledged is looked up through GraphQL as its people would: the
/// learner exists with exactly the attempt it was answered, decided as answered; the credential exists with its last
/// acknowledged status and verifies (anyone, no key, by JWT and by URL) exactly when that status is ACTIVE; the lists
/// hold no duplicate (one learner per flow, one credential per passing attempt); no decided attempt still holds an
/// evaluator's seat; every issuance and submission is audited once and the audit chain verifies.
/// </summary>
public static class AcknowledgedWritesCheck
{
    /// <returns>Every problem found, as a sentence; lost writes start with "LOST".</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(RetryingClient client, CertificationProgram program, IReadOnlyCollection<AcknowledgedFlow> flows, ListedState listed)
    {
        var problems = new List<string>();
        foreach (var flow in flows.Where(f => f.LearnerId is not null))
        {
            await CheckLearnerAsync(client, program, flow, problems);
            if (flow.CredentialId is not null)
            {
                await CheckCredentialAsync(client, program, flow, problems);
            }
        }

        var ours = flows.Select(f => f.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(listed.Learners.Values.Where(ours.Contains).GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"DUPLICATE: {g.Count()} learners enrolled with {g.Key}"));
        problems.AddRange(listed.Credentials.Values.GroupBy(c => c.LearnerId, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"DUPLICATE: {g.Count()} credentials listed for learner {g.Key} (one passing attempt each)"));

        await CheckSeatsAsync(client, program, flows, problems);
        await CheckAuditAsync(client, program, flows, problems);
        return problems;
    }

    private static async Task CheckLearnerAsync(RetryingClient client, CertificationProgram program, AcknowledgedFlow flow, List<string> problems)
    {
        var (code, body) = await client.QueryAsync("learner", program.AdminKey, "query($id: ID) { learner(id: $id) { id email attempts { id status credentialId reviews { evaluatorId } } } }", new { id = flow.LearnerId });
        if (code != "OK")
        {
            problems.Add($"LOST: learner {flow.LearnerId} (flow {flow.Number}) answers {code}");
            return;
        }

        var attempts = body.GetProperty("data").GetProperty("learner").GetProperty("attempts").EnumerateArray().ToList();
        if (flow.AttemptId is null)
        {
            if (attempts.Count > 1)
            {
                problems.Add($"DUPLICATE: learner {flow.LearnerId} submitted once (unanswered) but has {attempts.Count} attempts");
            }

            return;
        }

        if (attempts.Count != 1 || attempts[0].GetProperty("id").GetString() != flow.AttemptId)
        {
            problems.Add($"{(attempts.Any(a => a.GetProperty("id").GetString() == flow.AttemptId) ? "DUPLICATE" : "LOST")}: learner {flow.LearnerId} should have exactly attempt {flow.AttemptId}, has [{string.Join(", ", attempts.Select(a => a.GetProperty("id").GetString()))}]");
            return;
        }

        var attempt = attempts[0];
        var reviewers = attempt.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("evaluatorId").GetString()).ToList();
        problems.AddRange(flow.Reviews.Where(r => !reviewers.Contains(r.EvaluatorId))
            .Select(r => $"LOST: the review of {r.EvaluatorId} on attempt {flow.AttemptId} was acknowledged ({r.Status}) but the attempt has reviews of [{string.Join(", ", reviewers)}]"));
        problems.AddRange(reviewers.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"DUPLICATE: {g.Count()} reviews of {g.Key} on attempt {flow.AttemptId}"));
        if (flow.Decision is { } decision && attempt.GetProperty("status").GetString() != decision)
        {
            problems.Add($"LOST: attempt {flow.AttemptId} was answered {decision} but is {attempt.GetProperty("status").GetString()}");
        }

        if (flow.CredentialId is { } credentialId && attempt.GetProperty("credentialId").GetString() != credentialId)
        {
            problems.Add($"LOST: attempt {flow.AttemptId} was answered with credential {credentialId} but names {attempt.GetProperty("credentialId")}");
        }
    }

    private static async Task CheckCredentialAsync(RetryingClient client, CertificationProgram program, AcknowledgedFlow flow, List<string> problems)
    {
        var (code, body) = await client.QueryAsync("credential", program.AdminKey, "query($id: ID!) { credential(id: $id) { status attemptId jwt url } }", new { id = flow.CredentialId });
        if (code != "OK")
        {
            problems.Add($"LOST: credential {flow.CredentialId} (attempt {flow.AttemptId}, acknowledged) answers {code}");
            return;
        }

        var credential = body.GetProperty("data").GetProperty("credential");
        var status = credential.GetProperty("status").GetString()!;
        if (!flow.AllowedStatuses.Contains(status))
        {
            problems.Add($"LOST: credential {flow.CredentialId} is {status}, its last acknowledged status is {flow.CredentialStatus}");
        }

        if (credential.GetProperty("attemptId").GetString() != flow.AttemptId)
        {
            problems.Add($"credential {flow.CredentialId} names attempt {credential.GetProperty("attemptId")}, not {flow.AttemptId}");
        }

        foreach (var presented in new[] { ("JWT", credential.GetProperty("jwt").GetString()!), ("URL", credential.GetProperty("url").GetString()!) })
        {
            var (verified, answer) = await client.QueryAsync("verifyCredential", null, "query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome detail } } }", new { c = presented.Item2 });
            if (verified != "OK")
            {
                problems.Add($"credential {flow.CredentialId} could not be verified by {presented.Item1}: {verified}");
                continue;
            }

            var result = answer.GetProperty("data").GetProperty("verifyCredential");
            if (result.GetProperty("valid").GetBoolean() != (status == "ACTIVE"))
            {
                problems.Add($"VERIFICATION: credential {flow.CredentialId} is {status} (last acknowledged {flow.CredentialStatus}) but verifies by {presented.Item1} as valid={result.GetProperty("valid").GetBoolean()}: {result.GetProperty("checks")}");
            }
        }
    }

    private static async Task CheckSeatsAsync(RetryingClient client, CertificationProgram program, IReadOnlyCollection<AcknowledgedFlow> flows, List<string> problems)
    {
        var (code, body) = await client.QueryAsync("evaluators", program.AdminKey, "{ evaluators { id activeAttemptIds } }");
        if (code != "OK")
        {
            problems.Add($"the evaluators could not be read: {code}");
            return;
        }

        var decided = flows.Where(f => f.Decision is not null).Select(f => f.AttemptId!).ToHashSet(StringComparer.Ordinal);
        foreach (var evaluator in body.GetProperty("data").GetProperty("evaluators").EnumerateArray())
        {
            var seats = evaluator.GetProperty("activeAttemptIds").EnumerateArray().Select(a => a.GetString()!).ToList();
            problems.AddRange(seats.Where(decided.Contains).Select(a => $"evaluator {evaluator.GetProperty("id")} still holds a seat on decided attempt {a}"));
            problems.AddRange(seats.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => $"DUPLICATE: evaluator {evaluator.GetProperty("id")} holds {g.Count()} seats on {g.Key}"));
        }
    }

    private static async Task CheckAuditAsync(RetryingClient client, CertificationProgram program, IReadOnlyCollection<AcknowledgedFlow> flows, List<string> problems)
    {
        var (code, body) = await client.QueryAsync("verifyAuditLog", program.AdminKey, "{ verifyAuditLog { intact entriesChecked problem } }");
        if (code != "OK" || !body.GetProperty("data").GetProperty("verifyAuditLog").GetProperty("intact").GetBoolean())
        {
            problems.Add($"AUDIT: the audit chain does not verify: {code} {(code == "OK" ? body.GetProperty("data").GetProperty("verifyAuditLog") : "")}");
        }

        var entries = new List<(string Action, string? Subject)>();
        string? after = null;
        do
        {
            (code, body) = await client.QueryAsync("auditLog", program.AdminKey, "query($after: String) { auditLog(first: 100, after: $after) { nodes { action subject } endCursor } }", new { after });
            if (code != "OK")
            {
                problems.Add($"AUDIT: the audit log could not be read: {code}");
                return;
            }

            var page = body.GetProperty("data").GetProperty("auditLog");
            entries.AddRange(page.GetProperty("nodes").EnumerateArray().Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("subject").GetString())));
            after = page.GetProperty("endCursor").GetString();
        }
        while (after is not null);

        foreach (var (action, subject) in flows.SelectMany(f => new[] { ("attempt.submitted", f.AttemptId), ("credential.issued", f.CredentialId) }).Where(e => e.Item2 is not null))
        {
            var count = entries.Count(e => e.Action == action && e.Subject == subject);
            if (count != 1)
            {
                problems.Add($"AUDIT: {action} of {subject} is in the audit log {count} times (once expected)");
            }
        }
    }
}
