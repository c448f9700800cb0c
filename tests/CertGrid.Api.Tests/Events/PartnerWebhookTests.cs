using System.Text.Json;
using CertGrid.Api.Tests.Partners;
using CertGrid.Api.Tests.Renewals;
using CertGrid.Domain.Notices;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Events;

/// <summary>
/// A partner organisation's webhook endpoint, registered within its credentials:read grant, receives the credential
/// events of credentials shared with it (signed, the credential only, no learner id), not those of a holder who shares
/// nothing (the community's own endpoint receives them), and nothing raised after the holder withdrew consent.
/// </summary>
public sealed class PartnerWebhookTests(RenewalServerFixture server) : IClassFixture<RenewalServerFixture>
{
    private const string Register =
        "mutation($c: ID!, $input: RegisterWebhookEndpointInput!) { registerPartnerWebhookEndpoint(community: $c, input: $input) { endpoint { id partnerId eventTypes } secret } }";

    [Fact]
    public async Task A_partner_endpoint_receives_only_events_of_credentials_shared_with_it_and_none_raised_after_withdrawal()
    {
        await using var partnerHook = await WebhookReceiver.StartAsync();
        await using var communityHook = await WebhookReceiver.StartAsync();
        var graphQl = server.Cluster.GraphQl();
        var (program, definition) = await PartnerScenario.ProgramAsync(graphQl);
        var (partnerId, partnerKey) = await PartnerScenario.RegisterAsync(graphQl);
        await graphQl.ErrorAsync("FORBIDDEN", Register, new { c = program.Id, input = new { url = partnerHook.Url } }, partnerKey);
        await PartnerScenario.GrantAsync(program, partnerId, server.Clock.GetUtcNow().AddDays(90), "credentials:read");

        var refused = await graphQl.ErrorAsync("VALIDATION_FAILED", Register, new { c = program.Id, input = new { url = partnerHook.Url, eventTypes = new[] { "attempt.decided" } } }, partnerKey);
        Assert.Equal("input.eventTypes[0]", refused.GetProperty("extensions").GetProperty("field").GetString());
        var registered = (await graphQl.DataAsync(Register, new { c = program.Id, input = new { url = partnerHook.Url, eventTypes = new[] { "credential.suspended" } } }, partnerKey))
            .GetProperty("registerPartnerWebhookEndpoint");
        Assert.Equal(partnerId, registered.GetProperty("endpoint").GetProperty("partnerId").GetString());
        await program.AdminAsync("mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }",
            new { input = new { url = communityHook.Url, eventTypes = new[] { "credential.suspended" } } });

        var sharing = await PartnerScenario.HolderAsync(program, definition);
        var keeping = await PartnerScenario.HolderAsync(program, definition);
        var consentId = await SharedCredentialSteps.ShareAsync(graphQl, sharing.Key, sharing.CredentialId, partnerId);

        await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", keeping.CredentialId);
        await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", sharing.CredentialId);
        await communityHook.WaitUntilAsync(r => r.Accepted.Count() == 2);
        await partnerHook.WaitUntilAsync(r => r.Accepted.Any());

        var delivery = Assert.Single(partnerHook.Received);
        Assert.True(WebhookSignature.Verify(registered.GetProperty("secret").GetString()!, delivery.Signature, delivery.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal((sharing.CredentialId, "credential.suspended"), (body.GetProperty("credentialId").GetString(), body.GetProperty("type").GetString()));
        Assert.False(body.TryGetProperty("learnerId", out _), delivery.Body);

        // Withdrawn: the next suspension of the same credential reaches the community's endpoint only.
        await SharedCredentialSteps.WithdrawAsync(graphQl, sharing.Key, consentId);
        await SharedCredentialSteps.SetStatusAsync(program, "unsuspendCredential", sharing.CredentialId);
        await SharedCredentialSteps.SetStatusAsync(program, "suspendCredential", sharing.CredentialId);
        await communityHook.WaitUntilAsync(r => r.Accepted.Count() == 3);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(partnerHook.Received);
    }
}
