using Bogus;
using CertGrid.Api.Tests.Events;
using CertGrid.Api.Tests.Identity;
using CertGrid.Api.Tests.Notices.Email;
using CertGrid.Api.Tests.Partners;
using CertGrid.Domain.Notices;
using CertGrid.Testing;
using static CertGrid.Api.Tests.Onboarding.MovingInSteps;

namespace CertGrid.Api.Tests.Onboarding;

/// <summary>
/// Issue 19's "done when", from sign-in to the first credential (the roster and sign-in are in <c>MovingInTests</c>, the
/// evaluators, cohorts and earlier holders in <c>MovingInHoldersTests</c>): members and evaluators imported from files sign
/// in through the local OpenID Connect provider (forged copies of a member's token are UNAUTHENTICATED and change nothing),
/// the member's attempt is reviewed to a pass by the imported evaluators, who learn of it by email, the credential's holder
/// receives the "credential issued" email (read from maildev), and a partner granted <c>credentials:read</c> receives the
/// events of the credential the member shares with it, on its subscription and its webhook endpoint, and nothing else.
/// </summary>
public sealed class MovingInFirstCredentialTests(EmailServerFixture server, LocalOidcProvider provider) : IClassFixture<EmailServerFixture>, IClassFixture<LocalOidcProvider>
{
    private const string EvaluatorHeader = "name,email,organisation,expertise,languages,capacity";

    private const string SubmitAttempt = "mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { id } }";

    private const string PartnerSubscription = "subscription($c: ID!) { partnerEvents(community: $c) { id type credentialId credentialDefinitionId } }";

    private static readonly Faker Faker = new();

    [Fact]
    public async Task An_imported_member_signs_in_earns_a_credential_from_imported_evaluators_gets_its_email_and_a_partner_receives_its_events()
    {
        var graphQl = server.Cluster.GraphQl();
        var scenario = await CommunityScenario.CreateAsync(graphQl);
        var program = new ProgramScenario(scenario);
        await ConfigureProviderAsync(scenario, provider);
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());

        // The community's systems and a partner granted credentials:read register their webhook endpoints.
        await using var communityHook = await WebhookReceiver.StartAsync();
        await using var partnerHook = await WebhookReceiver.StartAsync();
        await program.AdminAsync("mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }",
            new { input = new { url = communityHook.Url, eventTypes = new[] { "credential.issued", "credential.suspended" } } });
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        await PartnerScenario.GrantAsync(program, partnerId, server.Clock.GetUtcNow().AddDays(90), "credentials:read");
        var partnerSecret = (await graphQl.DataAsync(
            "mutation($c: ID!, $input: RegisterWebhookEndpointInput!) { registerPartnerWebhookEndpoint(community: $c, input: $input) { secret } }",
            new { c = scenario.Community, input = new { url = partnerHook.Url } }, partnerKey)).GetProperty("registerPartnerWebhookEndpoint").GetProperty("secret").GetString()!;

        // Members and evaluators come in from files; the evaluators are from other organisations than the members.
        var members = Enumerable.Range(0, 4).Select(_ => (Name: Faker.Name.FullName(), Email: Email())).ToList();
        var member = members[2];
        await ApplyAsync(scenario, await DryRunAsync(scenario, "members.csv", Csv(members.Select(m => $"\"{m.Name}\",{m.Email},Riverside Academy"))));
        string[] reviewers = [Email(), Email()];
        var evaluatorRows = reviewers.Select((email, i) => $"\"{Faker.Name.FullName()}\",{email},Reviewers Guild {i},OBS-1|INC-1,en,5");
        Assert.Equal(2, (await ApplyAsync(scenario, await DryRunAsync(scenario, "evaluators.csv", Csv(evaluatorRows, EvaluatorHeader), "EVALUATORS"))).GetProperty("createdRows").GetInt64());

        // The member signs in at the provider. Copies of their token re-signed with another key or not signed at all are
        // refused with a code and a reason, and link no identity and submit nothing.
        var token = await SignInAsync(provider, scenario, member.Email, MembersGroup);
        foreach (var forged in new[] { ForgedAccessTokens.SignedWithAnotherKey(token), ForgedAccessTokens.WithoutSignature(token) })
        {
            var (status, body) = await graphQl.SendAsync(SubmitAttempt, new { input = new { credentialDefinitionId = definition, artifactIds = new[] { "art_forged" } } }, forged);
            Assert.Equal(401, status);
            var error = body.GetProperty("errors")[0];
            Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains("signature does not match", error.GetProperty("message").GetString());
        }

        Assert.DoesNotContain(await program.AuditAsync(), e => e.GetProperty("action").GetString() is "identity.linked" or "attempt.submitted");

        // The genuine token acts as the imported member: they upload evidence and submit an attempt.
        var own = (await graphQl.DataAsync("{ learner { name attempts { id } } }", key: token)).GetProperty("learner");
        Assert.Equal(member.Name, own.GetProperty("name").GetString());
        Assert.Empty(own.GetProperty("attempts").EnumerateArray());
        var attempt = await scenario.SubmitAttemptAsync(token, definition, await scenario.UploadArtifactAsync(token));
        var attemptId = attempt.GetProperty("id").GetString()!;
        Assert.Equal(2, attempt.GetProperty("panel").GetArrayLength());

        // Each evaluator learns of the review by email, signs in at the provider and passes it.
        JsonElement decided = default;
        foreach (var reviewer in reviewers)
        {
            Assert.Contains($"(reference {attemptId})", Assert.Single(await MailDevInbox.WaitForAsync(reviewer)).Text);
            decided = await scenario.ReviewAsync(await SignInAsync(provider, scenario, reviewer, ReviewersGroup), attemptId, "Proficient");
        }

        Assert.Equal("PASSED", decided.GetProperty("status").GetString());
        var credentialId = decided.GetProperty("credentialId").GetString()!;

        // The holder is emailed the decision and the credential, with its public page.
        var mail = await MailDevInbox.WaitForAsync(member.Email, count: 2);
        Assert.Single(mail, m => m.Subject == "You passed 'Reliability Foundations'");
        var issued = Assert.Single(mail, m => m.Subject == "Your credential 'Reliability Foundations' was issued");
        Assert.Contains($"Hello {member.Name},", issued.Text);
        Assert.Contains($"/c/{scenario.Community}/credentials/{credentialId}/page", issued.Text);
        Assert.Equal(credentialId, (await graphQl.DataAsync("{ learner { credentials { nodes { id } } } }", key: token))
            .GetProperty("learner").GetProperty("credentials").GetProperty("nodes").EnumerateArray().Single().GetProperty("id").GetString());

        // Once the issue was dispatched (the community's endpoint has it), the member shares the credential with the partner.
        await communityHook.WaitUntilAsync(r => r.Accepted.Any(d => d.EventType == "credential.issued"));
        await SharedCredentialSteps.ShareAsync(graphQl, token, credentialId, partnerId);

        // The partner's subscription replays the feed: of all the community's events (enrolments, the attempt, its panel
        // and decision), it receives the shared credential's issue; then, live, its suspension, which its endpoint receives too.
        await using (var stream = await EventStreamClient.OpenAsync(server.Cluster.CreateClient(), PartnerSubscription, new { c = scenario.Community }, partnerKey))
        {
            var first = (await stream.NextResultAsync()).GetProperty("data").GetProperty("partnerEvents");
            Assert.Equal(("credential.issued", credentialId, definition), (first.GetProperty("type").GetString(), first.GetProperty("credentialId").GetString(), first.GetProperty("credentialDefinitionId").GetString()));
            await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", credentialId);
            var suspended = (await stream.NextResultAsync()).GetProperty("data").GetProperty("partnerEvents");
            Assert.Equal(("credential.suspended", credentialId), (suspended.GetProperty("type").GetString(), suspended.GetProperty("credentialId").GetString()));

            await partnerHook.WaitUntilAsync(r => r.Accepted.Any(d => d.EventType == "credential.suspended"));
            var delivery = Assert.Single(partnerHook.Received);
            Assert.True(WebhookSignature.Verify(partnerSecret, delivery.Signature, delivery.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal((suspended.GetProperty("id").GetString(), "credential.suspended", credentialId), (body.GetProperty("id").GetString(), body.GetProperty("type").GetString(), body.GetProperty("credentialId").GetString()));
            Assert.False(body.TryGetProperty("learnerId", out _), delivery.Body);
        }

        var communityFeed = (await program.AdminAsync("{ events(first: 100) { events { type } } }")).GetProperty("events").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(members.Count, communityFeed.Count(t => t == "learner.enrolled"));
        Assert.Contains("attempt.decided", communityFeed);
    }
}
