using System.Text.Json;

namespace CertGrid.Api.Tests.Events;

/// <summary>What the partner event tests do to a holder's credential: share it with a partner, withdraw that consent, change its status.</summary>
public static class SharedCredentialSteps
{
    /// <summary>The holder shares the credential with the partner; returns the consent's id.</summary>
    public static async Task<string> ShareAsync(GraphQlClient graphQl, string holderKey, string credentialId, string partnerId) =>
        (await graphQl.DataAsync("mutation($c: ID!, $p: ID!) { shareCredentialWithPartner(credentialId: $c, partnerId: $p) { id } }",
            new { c = credentialId, p = partnerId }, holderKey)).GetProperty("shareCredentialWithPartner").GetProperty("id").GetString()!;

    public static Task<JsonElement> WithdrawAsync(GraphQlClient graphQl, string holderKey, string consentId) =>
        graphQl.DataAsync("mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }", new { id = consentId }, holderKey);

    /// <summary>An admin suspends, unsuspends or revokes the credential (<paramref name="mutation"/> names which).</summary>
    public static Task<JsonElement> SetStatusAsync(ProgramScenario program, string mutation, string credentialId) =>
        program.AdminAsync($"mutation($id: ID!) {{ {mutation}(id: $id, reason: \"Checked by the registrar\") {{ status }} }}", new { id = credentialId });
}
