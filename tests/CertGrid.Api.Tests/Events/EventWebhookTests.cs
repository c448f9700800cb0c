using System.Text.Json;
using CertGrid.Api.Tests.Renewals;
using CertGrid.Domain.Notices;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Events;

/// <summary>Webhook endpoints receive the event types they subscribed to, signed, with the feed's ids and no personal data.</summary>
public sealed class EventWebhookTests(RenewalServerFixture server) : IClassFixture<RenewalServerFixture>
{
    private const string Register =
        "mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id eventTypes } secret } }";

    [Fact]
    public async Task Each_endpoint_receives_only_the_event_types_it_subscribed_to()
    {
        await using var credentials = await WebhookReceiver.StartAsync();
        await using var enrolments = await WebhookReceiver.StartAsync();
        await using var renewalsOnly = await WebhookReceiver.StartAsync();
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var secret = await RegisterAsync(scenario, credentials.Url, ["credential.revoked", "credential.issued"]);
        await RegisterAsync(scenario, enrolments.Url, ["learner.enrolled"]);
        await RegisterAsync(scenario, renewalsOnly.Url, null);

        var certified = await CertificationEvents.CertifyAndRevokeAsync(scenario);
        await credentials.WaitUntilAsync(r => r.Accepted.Count() == 2);
        await enrolments.WaitUntilAsync(r => r.Accepted.Count() == 1);

        var feed = (await scenario.GraphQl.DataAsync("{ events(first: 50) { events { id type } } }", key: scenario.AdminKey))
            .GetProperty("events").GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("type").GetString());
        var deliveries = credentials.Received.ToList();
        Assert.Equal(new[] { "credential.issued", "credential.revoked" }, deliveries.Select(d => d.EventType).Order());
        foreach (var delivery in deliveries)
        {
            Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body, server.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
            var body = JsonDocument.Parse(delivery.Body).RootElement;
            Assert.Equal(delivery.IdempotencyKey, body.GetProperty("id").GetString());
            Assert.Equal(feed[delivery.IdempotencyKey], body.GetProperty("type").GetString());
            Assert.Equal((certified.CredentialId, certified.LearnerId), (body.GetProperty("credentialId").GetString(), body.GetProperty("learnerId").GetString()));
            Assert.DoesNotContain(certified.Email, delivery.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Plagiarism", delivery.Body, StringComparison.Ordinal);
        }

        Assert.Equal("learner.enrolled", Assert.Single(enrolments.Received).EventType);
        Assert.Empty(renewalsOnly.Received);
    }

    [Fact]
    public async Task An_unknown_or_repeated_event_type_is_refused_and_registers_nothing()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var unknown = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", Register,
            new { input = new { url = server.Receiver.Url, eventTypes = new[] { "credential.issued", "credential.stolen" } } }, scenario.AdminKey);
        Assert.Equal("input.eventTypes[1]", unknown.GetProperty("extensions").GetProperty("field").GetString());
        var twice = await scenario.GraphQl.ErrorAsync("VALIDATION_FAILED", Register,
            new { input = new { url = server.Receiver.Url, eventTypes = new[] { "learner.enrolled", "learner.enrolled" } } }, scenario.AdminKey);
        Assert.Equal("input.eventTypes[1]", twice.GetProperty("extensions").GetProperty("field").GetString());
        var endpoints = await scenario.GraphQl.DataAsync("{ webhookEndpoints { id } }", key: scenario.AdminKey);
        Assert.Empty(endpoints.GetProperty("webhookEndpoints").EnumerateArray());
    }

    private static async Task<string> RegisterAsync(CommunityScenario scenario, string url, string[]? eventTypes)
    {
        var registered = (await scenario.GraphQl.DataAsync(Register, new { input = new { url, eventTypes } }, scenario.AdminKey)).GetProperty("registerWebhookEndpoint");
        var listed = registered.GetProperty("endpoint").GetProperty("eventTypes");
        Assert.Equal(eventTypes?.Order(), listed.ValueKind == JsonValueKind.Null ? null : listed.EnumerateArray().Select(t => t.GetString()!).Order());
        return registered.GetProperty("secret").GetString()!;
    }
}
