using System.Diagnostics;
using System.Text.RegularExpressions;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.DirectAwards;

/// <summary>
/// The award webhook: a delivery signed with the community's secret awards the credential; every bad delivery (no secret,
/// bad or missing signature, stale timestamp, replay, unknown or wrong community, malformed body) is an
/// application/problem+json answer with a stable code, and issues nothing.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed partial class AwardHookTests(SharedServerFixture server)
{
    [Fact]
    public async Task A_signed_delivery_awards_the_credential_once_and_a_replay_is_refused()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (learnerId, email) = await scenario.EnrolAsync();
        var secret = await scenario.CreateSecretAsync();
        var body = scenario.Award(learnerEmail: email).ToJsonString();

        var (status, _, answer) = await scenario.DeliverAsync(body, secret, deliveryId: "dlv-1");
        Assert.True(status == 200, answer.ToString());
        Assert.Equal((learnerId, "automatic:moodle", "ACTIVE"), (answer.GetProperty("learnerId").GetString(), answer.GetProperty("awardedThrough").GetString(), answer.GetProperty("status").GetString()));
        var credentialId = answer.GetProperty("credentialId").GetString();

        await AssertProblemAsync(409, "REPLAYED_DELIVERY", await scenario.DeliverAsync(body, secret, deliveryId: "dlv-1"));
        // The system retries the same award as a new delivery: answered with the same credential, nothing issued again.
        var (retried, _, same) = await scenario.DeliverAsync(body, secret, deliveryId: "dlv-2");
        Assert.Equal((200, credentialId), (retried, same.GetProperty("credentialId").GetString()));
        Assert.Equal(credentialId, Assert.Single(await scenario.CredentialsAsync()).GetProperty("id").GetString());
        Assert.Equal("award-hook:dlv-1", Assert.Single(await scenario.AuditAsync("credential.awarded")).GetProperty("actor").GetString());

        var verified = (await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid } }", new { c = answer.GetProperty("url").GetString() }))
            .GetProperty("verifyCredential");
        Assert.True(verified.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task One_award_sent_many_times_at_once_by_mutation_and_webhook_issues_one_credential()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (_, email) = await scenario.EnrolAsync();
        var secret = await scenario.CreateSecretAsync();
        var award = scenario.Award(learnerEmail: email, evidence: 2);

        var byMutation = Enumerable.Range(0, 4).Select(async _ => (await server.GraphQl.DataAsync(DirectAwardScenario.AwardMutation, new { input = award }, scenario.Community.AdminKey))
            .GetProperty("awardCredential").GetProperty("id").GetString());
        var byHook = Enumerable.Range(0, 4).Select(async _ =>
        {
            var (status, _, answer) = await scenario.DeliverAsync(award.ToJsonString(), secret);
            Assert.True(status == 200, answer.ToString());
            return answer.GetProperty("credentialId").GetString();
        });
        var ids = await Task.WhenAll(byMutation.Concat(byHook));

        Assert.Single(ids.Distinct());
        Assert.Single(await scenario.CredentialsAsync());
        Assert.Single(await scenario.AuditAsync("credential.awarded"));
        Assert.Single(await scenario.AuditAsync("credential.issued"));
    }

    [Fact]
    public async Task Every_bad_delivery_answers_its_code_and_issues_nothing()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (_, email) = await scenario.EnrolAsync();
        var body = scenario.Award(learnerEmail: email).ToJsonString();
        await AssertProblemAsync(403, "HOOK_NOT_ENABLED", await scenario.DeliverAsync(body, "whsec_no-secret-was-created-yet-000"));
        var secret = await scenario.CreateSecretAsync();

        await AssertProblemAsync(401, "BAD_SIGNATURE", await scenario.DeliverAsync(body, secret[..^1] + "x"));
        await AssertProblemAsync(401, "BAD_SIGNATURE", await scenario.DeliverAsync(body, secret: null));
        await AssertProblemAsync(401, "BAD_SIGNATURE", await scenario.DeliverAsync(body, secret, signatureHeader: "sha256=" + new string('a', 64)));
        await AssertProblemAsync(401, "STALE_TIMESTAMP", await scenario.DeliverAsync(body, secret, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)));
        await AssertProblemAsync(401, "STALE_TIMESTAMP", await scenario.DeliverAsync(body, secret, signedAt: DateTimeOffset.UtcNow.AddMinutes(6)));
        await AssertProblemAsync(400, "BAD_DELIVERY_ID", await scenario.DeliverAsync(body, secret, deliveryId: "has#hash"));
        await AssertProblemAsync(404, "UNKNOWN_COMMUNITY", await scenario.DeliverAsync(body, secret, community: "no-such-community-" + Guid.NewGuid().ToString("N")[..8]));
        await AssertProblemAsync(413, "PAYLOAD_TOO_LARGE", await scenario.DeliverAsync(body.Replace("moodle", "moodle" + new string(' ', 70_000)), secret));

        // Signed correctly, but the body is not an award, or not an acceptable one; a refused delivery id stays unused.
        await AssertProblemAsync(400, "MALFORMED_PAYLOAD", await scenario.DeliverAsync("{\"definitionId\": ", secret, deliveryId: "dlv-fixed-later"));
        await AssertProblemAsync(400, "MALFORMED_PAYLOAD", await scenario.DeliverAsync(body.Replace("\"externalId\"", "\"externalld\""), secret));
        await AssertProblemAsync(400, "VALIDATION_FAILED", await scenario.DeliverAsync(body.Replace(email, "not-an-email"), secret));
        await AssertProblemAsync(404, "NOT_FOUND", await scenario.DeliverAsync(body.Replace(email, "nobody." + email), secret));
        var notAllowed = await DirectAwardScenario.DefineAsync(scenario.Community, allowDirectAward: false);
        await AssertProblemAsync(403, "POLICY_VIOLATION", await scenario.DeliverAsync(body.Replace(scenario.DefinitionId, notAllowed), secret));
        Assert.Empty(await scenario.CredentialsAsync());

        var (status, _, fixedAnswer) = await scenario.DeliverAsync(body, secret, deliveryId: "dlv-fixed-later");
        Assert.True(status == 200, fixedAnswer.ToString());
        Assert.Single(await scenario.CredentialsAsync());
    }

    [Fact]
    public async Task A_delivery_signed_for_one_community_is_refused_by_another()
    {
        var ours = await DirectAwardScenario.CreateAsync(server);
        var theirs = await DirectAwardScenario.CreateAsync(server);
        var (_, email) = await ours.EnrolAsync();
        var ourSecret = await ours.CreateSecretAsync();
        await theirs.CreateSecretAsync();
        var body = ours.Award(learnerEmail: email).ToJsonString();

        await AssertProblemAsync(401, "BAD_SIGNATURE", await ours.DeliverAsync(body, ourSecret, community: theirs.Community.Community));
        Assert.Empty(await ours.CredentialsAsync());
        Assert.Empty(await theirs.CredentialsAsync());
    }

    [Fact]
    public async Task A_rotated_out_secret_keeps_working_for_the_overlap()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (_, email) = await scenario.EnrolAsync();
        var old = await scenario.CreateSecretAsync();
        await server.GraphQl.ErrorAsync("CONFLICT", "mutation { createAwardHookSecret { secret } }", key: scenario.Community.AdminKey);

        var rotated = (await server.GraphQl.DataAsync("mutation { rotateAwardHookSecret { secret hook { enabled path previousSecretValidUntil } } }", key: scenario.Community.AdminKey))
            .GetProperty("rotateAwardHookSecret");
        var secret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(old, secret);
        Assert.Equal($"/c/{scenario.Community.Community}/hooks/award", rotated.GetProperty("hook").GetProperty("path").GetString());
        var overlapEnds = rotated.GetProperty("hook").GetProperty("previousSecretValidUntil").GetDateTimeOffset();
        Assert.InRange(overlapEnds, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));

        Assert.Equal(200, (await scenario.DeliverAsync(scenario.Award(learnerEmail: email).ToJsonString(), old)).Status);
        Assert.Equal(200, (await scenario.DeliverAsync(scenario.Award(learnerEmail: email).ToJsonString(), secret)).Status);
        Assert.Equal(2, (await scenario.CredentialsAsync()).Count);

        var hook = (await server.GraphQl.DataAsync("{ awardHook { enabled secretCreatedAt } }", key: scenario.Community.AdminKey)).GetProperty("awardHook");
        Assert.True(hook.GetProperty("enabled").GetBoolean());
        var learnerKey = await scenario.Community.IssueKeyAsync("LEARNER", (await scenario.EnrolAsync()).Id);
        await server.GraphQl.ErrorAsync("FORBIDDEN", "mutation { rotateAwardHookSecret { secret } }", key: learnerKey);
    }

    [Fact]
    public async Task The_documented_shell_lines_sign_and_send_an_award_with_openssl_and_curl()
    {
        var scenario = await DirectAwardScenario.CreateAsync(server);
        var (learnerId, email) = await scenario.EnrolAsync();
        var manual = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api", "direct-awards.md"));
        var lines = BashBlock().Match(manual).Groups[1].Value;
        Assert.Contains("openssl dgst -sha256 -hmac", lines);

        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", lines]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SECRET"] = await scenario.CreateSecretAsync();
        start.Environment["BODY"] = scenario.Award(learnerEmail: email).ToJsonString();
        start.Environment["CERTGRID"] = server.Cluster.PublicBaseUrl.ToString().TrimEnd('/');
        start.Environment["COMMUNITY"] = scenario.Community.Community;
        using var shell = Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        var errors = await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync();

        Assert.True(shell.ExitCode == 0, $"{output}\n{errors}");
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.True(answer.TryGetProperty("credentialId", out var credentialId), output);
        Assert.Equal(learnerId, answer.GetProperty("learnerId").GetString());
        Assert.Equal(credentialId.GetString(), Assert.Single(await scenario.CredentialsAsync()).GetProperty("id").GetString());
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    private static Task AssertProblemAsync(int status, string code, (int Status, string? ContentType, JsonElement Body) answer)
    {
        Assert.True(answer.Status == status && answer.Body.TryGetProperty("code", out var c) && c.GetString() == code, $"Expected {status} {code}, got {answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(status, answer.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.Body.GetProperty("detail").GetString()));
        return Task.CompletedTask;
    }
}
