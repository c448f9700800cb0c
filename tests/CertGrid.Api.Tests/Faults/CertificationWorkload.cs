using System.Collections.Concurrent;
using System.Diagnostics;
using Bogus;

namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// Learners certified concurrently through the gateway while silos fail, each flow as its people would drive it with
/// a <see cref="RetryingClient"/>: the admin enrols the learner and gives them a key, the learner uploads evidence and
/// submits, the panel reviews to a decision (one flow in five fails), and the admin suspends, revokes, or suspends and
/// reinstates some of the credentials. What each flow had acknowledged is kept in its <see cref="AcknowledgedFlow"/>.
/// A stop lets every flow that started finish.
/// </summary>
public sealed class CertificationWorkload : IAsyncDisposable
{
    private const string Enrol = "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }";
    private const string IssueKey = "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { token } }";
    private const string RequestUpload = "mutation($input: RequestArtifactUploadInput!) { requestArtifactUpload(input: $input) { artifactId version uploadUrl } }";
    private const string Commit = "mutation($a: ID!, $v: Int!) { commitArtifact(artifactId: $a, version: $v) { id } }";
    private const string Submit = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id panel { evaluatorId } } }";
    private const string Review = "mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id status credentialId } }";

    private readonly CertificationProgram _program;
    private readonly RetryingClient _client;
    private readonly Stopwatch _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Faker _faker = new() { Random = new Randomizer(14) };
    private readonly Task[] _workers;
    private int _flows;

    private CertificationWorkload(CertificationProgram program, RetryingClient client, Stopwatch clock, int workers)
    {
        (_program, _client, _clock) = (program, client, clock);
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(RunAsync))];
    }

    public ConcurrentBag<AcknowledgedFlow> Flows { get; } = [];

    /// <summary>Flows that stopped on an answer a client cannot retry (each is a finding).</summary>
    public ConcurrentQueue<string> Abandoned { get; } = new();

    /// <summary>
    /// How long credentials that a decision had named were not found by the admin's next change. When issuing fails (the
    /// credential's silo died), the decision is still acknowledged with the credential's id and the attempt's outbox
    /// issues it on its retry, seconds later: not lost, but not there yet.
    /// </summary>
    public ConcurrentQueue<TimeSpan> NotYetIssued { get; } = new();

    public int CredentialsAcknowledged => Flows.Count(f => f.CredentialId is not null);

    public static CertificationWorkload Start(CertificationProgram program, RetryingClient client, Stopwatch clock, int workers) =>
        new(program, client, clock, workers);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var number = Interlocked.Increment(ref _flows);
            AcknowledgedFlow flow;
            lock (_faker)
            {
                flow = new AcknowledgedFlow(number, $"flow{number}.{Guid.NewGuid():N}"[..24] + "@" + _faker.Internet.DomainName());
            }

            Flows.Add(flow);
            if (await RunFlowAsync(flow) is { } reason)
            {
                Abandoned.Enqueue($"flow {number}: {reason}");
            }
        }
    }

    /// <returns>Null when the flow went through, or why it stopped.</returns>
    private async Task<string?> RunFlowAsync(AcknowledgedFlow flow)
    {
        string name, organisation;
        lock (_faker)
        {
            (name, organisation) = (_faker.Name.FullName(), _faker.Company.CompanyName() + " Academy");
        }

        var enrolled = await _client.MutateAsync("enrolLearner", _program.AdminKey, Enrol, new { input = new { name, email = flow.Email, organisation } });
        if (Field(enrolled, "enrolLearner") is not { } learner)
        {
            return $"enrolLearner answered {Describe(enrolled)}";
        }

        (flow.LearnerId, flow.LearnerAcknowledgedAt) = (learner.GetProperty("id").GetString(), _clock.Elapsed);
        var keyed = await _client.MutateAsync("issueApiKey", _program.AdminKey, IssueKey,
            new { input = new { role = "LEARNER", subjectId = flow.LearnerId, label = "Learner key" } }, newKeyWhenOutcomeUnknown: true);
        if (Field(keyed, "issueApiKey")?.GetProperty("token").GetString() is not { } learnerKey)
        {
            return $"issueApiKey answered {Describe(keyed)}";
        }

        var (artifactId, uploadFailure) = await UploadEvidenceAsync(learnerKey);
        if (artifactId is null)
        {
            return $"the evidence could not be uploaded: {uploadFailure}";
        }

        var submitted = await _client.MutateAsync("submitAttempt", learnerKey, Submit,
            new { input = new { credentialDefinitionId = _program.CredentialDefinitionId, artifactIds = new[] { artifactId } } });
        if (Field(submitted, "submitAttempt") is not { } attempt)
        {
            return $"submitAttempt answered {Describe(submitted)}";
        }

        flow.AttemptId = attempt.GetProperty("id").GetString();
        var level = flow.Number % 5 == 4 ? "Not yet" : "Proficient";
        foreach (var seat in attempt.GetProperty("panel").EnumerateArray())
        {
            var reviewed = await _client.MutateAsync("submitReview", _program.EvaluatorKeys[seat.GetProperty("evaluatorId").GetString()!], Review,
                new { input = CommunityScenario.ReviewInput(flow.AttemptId!, level) });
            if (Field(reviewed, "submitReview") is not { } decided)
            {
                return $"submitReview answered {Describe(reviewed)}";
            }

            flow.Reviews.Add((seat.GetProperty("evaluatorId").GetString()!, decided.GetProperty("status").GetString()!));
            if (decided.GetProperty("status").GetString() is "PASSED" or "FAILED")
            {
                flow.Decision = decided.GetProperty("status").GetString();
                flow.CredentialId = decided.GetProperty("credentialId").GetString();
            }
        }

        if (flow.CredentialId is null)
        {
            return flow.Decision == "FAILED" ? null
                : $"attempt {flow.AttemptId} was not decided after its panel reviewed: {string.Join(", ", flow.Reviews.Select(r => $"{r.EvaluatorId} answered {r.Status}"))}";
        }

        (flow.CredentialStatus, flow.CredentialStatusAcknowledgedAt) = ("ACTIVE", _clock.Elapsed);
        var changes = (flow.Number % 4) switch
        {
            0 => new[] { ("suspendCredential", "SUSPENDED") },
            1 => [("revokeCredential", "REVOKED")],
            2 => [("suspendCredential", "SUSPENDED"), ("unsuspendCredential", "ACTIVE")],
            _ => [],
        };
        foreach (var (mutation, status) in changes)
        {
            var changed = await ChangeStatusAsync(mutation, flow.CredentialId);
            if (Field(changed, mutation)?.GetProperty("status").GetString() is not { } now)
            {
                flow.UnansweredStatus = status;
                return $"{mutation} answered {Describe(changed)}";
            }

            (flow.CredentialStatus, flow.CredentialStatusAcknowledgedAt) = (now, _clock.Elapsed);
        }

        return null;
    }

    /// <summary>Sends a status change; while the credential is not found yet (see <see cref="NotYetIssued"/>), sends it again under a new key.</summary>
    private async Task<Retries.IdempotentAnswer?> ChangeStatusAsync(string mutation, string credentialId)
    {
        var since = _clock.Elapsed;
        var missing = false;
        while (true)
        {
            var changed = await _client.MutateAsync(mutation, _program.AdminKey, $"mutation($id: ID!, $reason: String!) {{ {mutation}(id: $id, reason: $reason) {{ status }} }}",
                new { id = credentialId, reason = "Fault test: the admin changes the status." });
            if (changed?.Code == "NOT_FOUND" && _clock.Elapsed - since < TimeSpan.FromMinutes(1))
            {
                missing = true;
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            if (missing)
            {
                NotYetIssued.Enqueue(_clock.Elapsed - since);
            }

            return changed;
        }
    }

    /// <returns>The committed artifact, or null and which step failed with what answer.</returns>
    private async Task<(string? ArtifactId, string? Failure)> UploadEvidenceAsync(string learnerKey)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"# Evidence\n\nAn SLO I defined, and the incident I ran ({Guid.NewGuid():N}).\n");
        var requested = await _client.MutateAsync("requestArtifactUpload", learnerKey, RequestUpload,
            new { input = new { title = "Portfolio evidence", fileName = "evidence.md", contentType = "text/markdown", sizeBytes = content.Length } }, newKeyWhenOutcomeUnknown: true);
        if (Field(requested, "requestArtifactUpload") is not { } ticket)
        {
            return (null, $"requestArtifactUpload answered {Describe(requested)}");
        }

        if (await CommunityScenario.PutAsync(ticket, content, "text/markdown") is var put and not 201)
        {
            return (null, $"the PUT to the upload URL answered HTTP {put}");
        }

        var artifactId = ticket.GetProperty("artifactId").GetString()!;
        var committed = await _client.MutateAsync("commitArtifact", learnerKey, Commit, new { a = artifactId, v = ticket.GetProperty("version").GetInt32() }, newKeyWhenOutcomeUnknown: true);
        return Field(committed, "commitArtifact") is null ? (null, $"commitArtifact of {artifactId} answered {Describe(committed)}") : (artifactId, null);
    }

    private static string Describe(Retries.IdempotentAnswer? answer) =>
        answer is null ? "nothing" : $"HTTP {answer.Status} {answer.Text[..Math.Min(answer.Text.Length, 400)]}";

    private static JsonElement? Field(Retries.IdempotentAnswer? answer, string field) =>
        answer is { Status: 200 } && answer.Body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object && !answer.Body.TryGetProperty("errors", out _)
            ? value
            : null;
}
