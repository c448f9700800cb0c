using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 5: names, descriptions, criteria and descriptors as language maps. Queries answer in the language asked
/// for (an argument, or Accept-Language), text by text, falling back to the community's default language.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class LanguageTests(ProgramServerFixture server)
{
    private const string Credential = "query($c: ID!, $id: ID!, $l: String) { publicCredential(communityId: $c, id: $id, language: $l) { name description criteriaNarrative rubric { criteria { name levels { name descriptor } } } } }";

    [Fact]
    public async Task Content_is_served_in_the_language_asked_for_and_falls_back_text_by_text_to_the_default()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var (frameworkId, credentialId) = await TranslatedProgramAsync(program);

        var french = (await program.GraphQl.DataAsync(Credential, new { c = program.Id, id = credentialId, l = "fr" })).GetProperty("publicCredential");
        Assert.Equal(("Fondamentaux de la fiabilité", "Reliability basics, for everyone."), (french.GetProperty("name").GetString(), french.GetProperty("description").GetString()));
        var criterion = french.GetProperty("rubric").GetProperty("criteria")[0];
        Assert.Equal("Objectifs de niveau de service", criterion.GetProperty("name").GetString());
        Assert.Equal(("Exemplaire", "Montré et enseigné."), (criterion.GetProperty("levels")[2].GetProperty("name").GetString(), criterion.GetProperty("levels")[2].GetProperty("descriptor").GetString()));
        Assert.Equal(("Proficient", "Shown independently."), (criterion.GetProperty("levels")[1].GetProperty("name").GetString(), criterion.GetProperty("levels")[1].GetProperty("descriptor").GetString()));

        // A regional variant finds the language; a language nobody wrote falls back to the default.
        Assert.Equal("Fondamentaux de la fiabilité", (await program.GraphQl.DataAsync(Credential, new { c = program.Id, id = credentialId, l = "fr-CA" })).GetProperty("publicCredential").GetProperty("name").GetString());
        Assert.Equal("Reliability basics", (await program.GraphQl.DataAsync(Credential, new { c = program.Id, id = credentialId, l = "de" })).GetProperty("publicCredential").GetProperty("name").GetString());
        Assert.Equal("Reliability basics", (await program.GraphQl.DataAsync(Credential, new { c = program.Id, id = credentialId })).GetProperty("publicCredential").GetProperty("name").GetString());
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", Credential, new { c = program.Id, id = credentialId, l = "French!" });

        // Accept-Language is honoured when no argument is given; the argument wins over it.
        Assert.Equal("Fondamentaux de la fiabilité", (await WithAcceptLanguageAsync("de;q=0.9, fr-FR;q=0.8, en;q=0.1", program.Id, credentialId, null)).GetProperty("name").GetString());
        Assert.Equal("Reliability basics", (await WithAcceptLanguageAsync("fr", program.Id, credentialId, "en")).GetProperty("name").GetString());

        // The framework, its domains, competencies and proficiency levels are translated the same way, for members too.
        var learner = await program.EnrolAsync();
        var framework = (await program.GraphQl.DataAsync("query($id: ID!) { framework(id: $id, language: \"fr\") { name domains { name } competencies { code name nameTranslations { language text } } levels { name } } }",
            new { id = frameworkId }, learner.Key)).GetProperty("framework");
        Assert.Equal("Pratique de la fiabilité", framework.GetProperty("name").GetString());
        Assert.Equal("Pratique", framework.GetProperty("domains")[0].GetProperty("name").GetString());
        Assert.Equal(["Observabilité", "Incident response"], framework.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("fr", framework.GetProperty("competencies")[0].GetProperty("nameTranslations")[0].GetProperty("language").GetString());
        Assert.Equal("Débutant", framework.GetProperty("levels")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_community_writing_in_another_language_falls_back_to_that_language()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var community = (await program.AdminAsync("mutation { setDefaultLanguage(language: \"fr\") { defaultLanguage } }")).GetProperty("setDefaultLanguage");
        Assert.Equal("fr", community.GetProperty("defaultLanguage").GetString());
        var frameworkId = await program.FrameworkAsync(new
        {
            name = "Pratique", nameTranslations = new[] { new { language = "en", text = "Practice" } },
            competencies = new[] { new { code = "OBS-1", name = "Observabilité", outcomes = new[] { "Définit des SLI" }, nameTranslations = new[] { new { language = "en", text = "Observability" } } } },
        });
        string Name(JsonElement data) => data.GetProperty("publicFramework").GetProperty("name").GetString()!;
        const string Query = "query($c: ID!, $id: ID!, $l: String) { publicFramework(communityId: $c, id: $id, language: $l) { name } }";
        Assert.Equal("Practice", Name(await program.GraphQl.DataAsync(Query, new { c = program.Id, id = frameworkId, l = "en-GB" })));
        Assert.Equal("Pratique", Name(await program.GraphQl.DataAsync(Query, new { c = program.Id, id = frameworkId, l = "es" })));
        Assert.Equal("Pratique", Name(await program.GraphQl.DataAsync(Query, new { c = program.Id, id = frameworkId })));
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation { setDefaultLanguage(language: \"??\") { id } }", key: program.AdminKey);
    }

    private async Task<JsonElement> WithAcceptLanguageAsync(string acceptLanguage, string community, string credentialId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Credential, variables = new { c = community, id = credentialId, l = language } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await server.GraphQl.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data").GetProperty("publicCredential");
    }

    private static async Task<(string Framework, string Credential)> TranslatedProgramAsync(ProgramScenario program)
    {
        object Fr(string text) => new[] { new { language = "fr", text } };
        var frameworkId = await program.FrameworkAsync(new
        {
            name = "Reliability practice", nameTranslations = Fr("Pratique de la fiabilité"),
            domains = new[] { new { code = "CORE", name = "Practice", nameTranslations = Fr("Pratique") } },
            levels = new[]
            {
                new { rank = 1, name = "Novice", nameTranslations = Fr("Débutant") }, new { rank = 2, name = "Practitioner", nameTranslations = Fr("Praticien") },
                new { rank = 3, name = "Expert", nameTranslations = Fr("Expert") },
            },
            competencies = new object[]
            {
                new { code = "OBS-1", name = "Observability", domainCode = "CORE", outcomes = new[] { "Defines SLIs" }, nameTranslations = Fr("Observabilité") },
                new { code = "INC-1", name = "Incident response", domainCode = "CORE", outcomes = new[] { "Runs incidents" } },
            },
        });
        var input = ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"));
        input["name"] = "Reliability basics";
        input["description"] = "Reliability basics, for everyone.";
        input["nameTranslations"] = Fr("Fondamentaux de la fiabilité");
        input["criteria"] = new[]
        {
            new
            {
                code = "C1", name = "Service level objectives", competencyCodes = new[] { "OBS-1" }, nameTranslations = Fr("Objectifs de niveau de service"),
                levels = new object[]
                {
                    new { name = "Not yet", points = 0, descriptor = "Not shown." },
                    new { name = "Proficient", points = 2, descriptor = "Shown independently." },
                    new { name = "Exemplary", points = 3, descriptor = "Shown and taught.", nameTranslations = Fr("Exemplaire"), descriptorTranslations = Fr("Montré et enseigné.") },
                },
            },
        };
        return (frameworkId, await program.CredentialAsync(input));
    }
}
