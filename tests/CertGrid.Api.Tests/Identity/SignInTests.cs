using Bogus;

namespace CertGrid.Api.Tests.Identity;

/// <summary>
/// Members sign in with their community's OpenID Connect provider (a real oidc-provider on this machine, tokens from a
/// real authorization code flow) and act as their member record, as an API key would let them; every bad token is refused
/// with UNAUTHENTICATED and a reason.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class SignInTests(SharedServerFixture server, LocalOidcProvider provider) : IClassFixture<LocalOidcProvider>
{
    private const string Configure = """
        mutation($input: ConfigureIdentityProviderInput!) { configureIdentityProvider(input: $input) { issuer audience clientId roleClaim learnerValues defaultRole } }
        """;

    private static readonly Faker Faker = new();

    [Fact]
    public async Task A_learner_signs_in_with_the_communitys_provider_and_is_linked_to_the_learner_enrolled_with_their_verified_email()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var email = Unique();
        var learner = await scenario.EnrolLearnerAsync(email);
        await ConfigureAsync(scenario);
        var login = Login();
        provider.AddPerson(login, email, true, "guild-learners");

        var token = await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));

        var viewer = (await server.GraphQl.DataAsync("{ viewer { kind community role subjectId keyId } }", key: token)).GetProperty("viewer");
        Assert.Equal("MEMBER", viewer.GetProperty("kind").GetString());
        Assert.Equal(scenario.Community, viewer.GetProperty("community").GetString());
        Assert.Equal("LEARNER", viewer.GetProperty("role").GetString());
        Assert.Equal(learner.Id, viewer.GetProperty("subjectId").GetString());
        Assert.StartsWith("idn_", viewer.GetProperty("keyId").GetString());
        var own = await server.GraphQl.DataAsync("{ learner { id email } }", key: token);
        Assert.Equal(email, own.GetProperty("learner").GetProperty("email").GetString());
        await server.GraphQl.ErrorAsync("FORBIDDEN", "{ apiKeys { nodes { id } } }", key: token);

        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 50) { nodes { action subject } } }", key: scenario.AdminKey);
        Assert.Single(audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "identity.linked" && e.GetProperty("subject").GetString() == learner.Id);

        // A second sign-in reaches the same link (and links nothing new).
        var again = await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));
        Assert.Equal(learner.Id, (await server.GraphQl.DataAsync("{ viewer { subjectId } }", key: again)).GetProperty("viewer").GetProperty("subjectId").GetString());
    }

    [Fact]
    public async Task An_erased_learner_is_unlinked_from_their_sign_in_identity_and_a_new_token_names_nobody()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var email = Unique();
        var learner = await scenario.EnrolLearnerAsync(email);
        await ConfigureAsync(scenario);
        var login = Login();
        provider.AddPerson(login, email, true, "guild-learners");
        var token = await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));
        Assert.Equal(learner.Id, (await server.GraphQl.DataAsync("{ viewer { subjectId } }", key: token)).GetProperty("viewer").GetProperty("subjectId").GetString());

        await server.GraphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = learner.Id }, scenario.AdminKey);

        // The link goes with the learner: a fresh sign-in finds no member with the email and is told so.
        var refused = false;
        for (var tries = 0; tries < 100 && !refused; tries++)
        {
            var fresh = await provider.SignInAsync(login, LocalOidcProvider.AudienceFor(scenario.Community));
            var (_, answer) = await server.GraphQl.SendAsync("{ viewer { subjectId } }", key: fresh);
            refused = answer.ToString().Contains("UNAUTHENTICATED", StringComparison.Ordinal);
            if (!refused)
            {
                await Task.Delay(200); // the erasure's effects run after it answers
            }
        }

        Assert.True(refused, "a token of the erased learner's identity still names a member");
        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action subject details } } }", key: scenario.AdminKey);
        var entries = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "identity.unlinked" && e.GetProperty("subject").GetString() == learner.Id);
        Assert.DoesNotContain(entries, e => e.GetProperty("details").ToString().Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_role_claim_decides_the_role_and_an_invitation_links_an_evaluator_whose_provider_email_differs()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var evaluator = await scenario.RegisterEvaluatorAsync(email: Unique());
        await ConfigureAsync(scenario);
        var providerEmail = Unique();
        await server.GraphQl.DataAsync(
            "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { email role subjectId } }",
            new { input = new { email = providerEmail.ToUpperInvariant(), role = "EVALUATOR", subjectId = evaluator.Id } }, scenario.AdminKey);
        var (reviewer, admin) = (Login(), Login());
        provider.AddPerson(reviewer, providerEmail, true, "staff", "guild-evaluators");
        provider.AddPerson(admin, Unique(), true, "guild-admins");

        var reviewerToken = await provider.SignInAsync(reviewer, LocalOidcProvider.AudienceFor(scenario.Community));
        var viewer = (await server.GraphQl.DataAsync("{ viewer { role subjectId } }", key: reviewerToken)).GetProperty("viewer");
        Assert.Equal("EVALUATOR", viewer.GetProperty("role").GetString());
        Assert.Equal(evaluator.Id, viewer.GetProperty("subjectId").GetString());

        var adminToken = await provider.SignInAsync(admin, LocalOidcProvider.AudienceFor(scenario.Community));
        var keys = await server.GraphQl.DataAsync("{ viewer { role } apiKeys { nodes { id } } }", key: adminToken);
        Assert.Equal("COMMUNITY_ADMIN", keys.GetProperty("viewer").GetProperty("role").GetString());
        Assert.NotEmpty(keys.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task Tokens_that_cannot_name_a_member_are_refused_with_a_reason_and_link_nothing()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var email = Unique();
        await scenario.EnrolLearnerAsync(email);
        await ConfigureAsync(scenario);
        var (unverified, roleless, stranger, good) = (Login(), Login(), Login(), Login());
        provider.AddPerson(unverified, email, false, "guild-learners");
        provider.AddPerson(roleless, email, true, "visitors");
        provider.AddPerson(stranger, Unique(), true, "guild-learners");
        provider.AddPerson(good, email, true, "guild-learners");
        var audience = LocalOidcProvider.AudienceFor(scenario.Community);

        Assert.Contains("email_verified", await RefusedAsync(await provider.SignInAsync(unverified, audience)));
        Assert.Contains("groups", await RefusedAsync(await provider.SignInAsync(roleless, audience)));
        Assert.Contains("no learner of this community is enrolled", await RefusedAsync(await provider.SignInAsync(stranger, audience)));
        Assert.Contains("no community accepts", await RefusedAsync(await provider.SignInAsync(good, LocalOidcProvider.AudienceFor("nobody-configured-this"))));

        var token = await provider.SignInAsync(good, audience);
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        Assert.Contains("signature", await RefusedAsync(forged));
        var otherClaims = parts[1].Length > 10 ? $"{parts[0]}.{parts[1][..^4]}AAAA.{parts[2]}" : token;
        await RefusedAsync(otherClaims);

        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 50) { nodes { action } } }", key: scenario.AdminKey);
        Assert.DoesNotContain(audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray(), e => e.GetProperty("action").GetString() == "identity.linked");
    }

    [Fact]
    public async Task A_provider_is_configured_with_care_and_one_issuer_and_audience_belong_to_one_community()
    {
        var first = await CommunityScenario.CreateAsync(server.GraphQl);
        var second = await CommunityScenario.CreateAsync(server.GraphQl);
        var settings = await ConfigureAsync(first);
        Assert.Equal(provider.Issuer, settings.GetProperty("issuer").GetString());
        Assert.Equal("groups", settings.GetProperty("roleClaim").GetString());

        var taken = await server.GraphQl.ErrorAsync("CONFLICT", Configure, new { input = Settings(first.Community) }, second.AdminKey);
        Assert.Contains("audience", taken.GetProperty("message").GetString());
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Configure, new { input = Settings(second.Community) with { issuer = "http://login.example.org" } }, second.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Configure, new { input = Settings(second.Community) with { audience = LocalOidcProvider.ClientId } }, second.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Configure, new { input = Settings(second.Community) }, (await second.EnrolLearnerAsync()).Key);
        Assert.Equal(JsonValueKind.Null, (await server.GraphQl.DataAsync("{ identityProvider { issuer } }", key: second.AdminKey)).GetProperty("identityProvider").ValueKind);

        var signIn = await server.GraphQl.DataAsync("query($c: ID!) { signInProvider(community: $c) { issuer clientId audience } }", new { c = first.Community });
        Assert.Equal(LocalOidcProvider.AudienceFor(first.Community), signIn.GetProperty("signInProvider").GetProperty("audience").GetString());
    }

    private async Task<JsonElement> ConfigureAsync(CommunityScenario scenario) =>
        (await server.GraphQl.DataAsync(Configure, new { input = Settings(scenario.Community) }, scenario.AdminKey)).GetProperty("configureIdentityProvider");

    private ProviderSettings Settings(string community) => new(
        provider.Issuer, LocalOidcProvider.AudienceFor(community), LocalOidcProvider.ClientId, "groups", ["guild-admins"], ["guild-evaluators"], ["guild-learners"]);

    private async Task<string> RefusedAsync(string token)
    {
        var (status, body) = await server.GraphQl.SendAsync("{ viewer { kind } }", key: token);
        Assert.Equal(401, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }

    private static string Unique() => $"{Guid.NewGuid():N}"[..8] + "." + Faker.Internet.Email().ToLowerInvariant();

    private static string Login() => $"{Faker.Internet.UserName().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];

    private sealed record ProviderSettings(
        string issuer, string audience, string clientId, string roleClaim, string[] adminValues, string[] evaluatorValues, string[] learnerValues);
}
