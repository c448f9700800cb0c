using System.Net.Http.Headers;
using System.Text;
using Bogus;
using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Access;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Tenancy;
using Microsoft.Extensions.Options;

namespace CertGrid.Server.DemoData;

/// <summary>
/// Seeds a realistic demo community on first start, through the same grains the API uses: a framework, three
/// credentials, evaluators, learners, and some learners who already went through assessment and hold a
/// credential. Running again finds the community and only prints where its keys are.
/// </summary>
public sealed class DemoSeeder(
    IGrainFactory grains, IHttpClientFactory http, IHostApplicationLifetime lifetime, IOptions<DemoDataOptions> options, ILogger<DemoSeeder> logger)
    : BackgroundService
{
    private static readonly string[] FoundationsCriteria = ["C1", "C2", "C3"];
    private readonly DemoDataOptions _options = options.Value;
    private readonly Faker _faker = new("en") { Random = new Randomizer(20261129) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var community = _options.CommunityId;
        if (await grains.GetGrain<ICommunityGrain>(community).FindAsync() is not null)
        {
            if (File.Exists(_options.KeysFile))
            {
                logger.LogInformation("Demo community '{Community}' already exists; its keys are in {KeysFile}", community, _options.KeysFile);
            }
            else
            {
                logger.LogWarning("Demo community '{Community}' exists but its keys file {KeysFile} is missing; start over with ./run.sh --reset",
                    community, _options.KeysFile);
            }

            return;
        }

        try
        {
            await SeedAsync(community, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Seeding the demo community failed");
        }
    }

    private async Task SeedAsync(string community, CancellationToken cancellationToken)
    {
        logger.LogInformation("[seed 1/6] Creating demo community '{Community}'", community);
        var created = await grains.GetGrain<ICommunityGrain>(community).CreateAsync(new CreateCommunity(
            "Reliability Guild", "A community of practice for site reliability engineers.", "https://reliability-guild.example", "certification@reliability-guild.example"),
            Actors.Operator);
        var admin = Actors.System;
        // Both proof formats, so the demo's credentials reach every wallet (the DCC's accept only Data Integrity).
        await grains.GetGrain<IIssuerGrain>(community).SetProofFormatAsync(CredentialProofFormat.VcJwtAndDataIntegrity, admin);

        logger.LogInformation("[seed 2/6] Defining the competency framework and three credentials");
        var frameworkId = EntityId.New(IdPrefixes.Framework);
        var framework = grains.Framework(community, frameworkId);
        await framework.DefineAsync(DemoProgram.Framework, admin);
        await framework.PublishAsync(admin);
        var foundationsId = await DefineAndPublishAsync(community, DemoProgram.Foundations(frameworkId), admin);
        var commanderId = await DefineAndPublishAsync(community, DemoProgram.IncidentCommander(frameworkId), admin);
        await grains.CredentialDefinition(community, commanderId).SetAssessmentPolicyAsync(DemoProgram.IncidentCommanderPolicy, admin);
        var toilBusterId = await DefineAndPublishAsync(community, DemoProgram.ToilBuster(frameworkId), admin);

        logger.LogInformation("[seed 3/6] Registering {Count} evaluators", _options.Evaluators);
        var organisations = new[] { "Northwind Cloud", "Contoso Platforms", "Fabrikam Networks" };
        var pool = grains.GetGrain<IEvaluatorPoolGrain>(community);
        var evaluatorIds = new List<string>();
        for (var i = 0; i < _options.Evaluators; i++)
        {
            var name = _faker.Name.FullName();
            var evaluatorId = EntityId.New(IdPrefixes.Evaluator);
            await pool.RegisterAsync(evaluatorId, new RegisterEvaluator(name, _faker.Internet.Email(name.Split(' ')[0], name.Split(' ')[^1], "evaluators.example"),
                organisations[i % organisations.Length], ["OBS-1", "INC-1", "PM-1", "CAP-1", "AUT-1"], null, 10, ["en"]), admin);
            evaluatorIds.Add(evaluatorId);
        }

        logger.LogInformation("[seed 4/6] Enrolling {Count} learners", _options.Learners);
        var learnerIds = new List<string>();
        for (var i = 0; i < _options.Learners; i++)
        {
            var first = _faker.Name.FirstName();
            var last = _faker.Name.LastName();
            var learnerId = EntityId.New(IdPrefixes.Learner);
            await grains.Learner(community, learnerId)
                .EnrolAsync(new EnrolLearner($"{first} {last}", _faker.Internet.Email(first, last), _faker.Company.CompanyName()), admin);
            learnerIds.Add(learnerId);
        }

        logger.LogInformation("[seed 5/6] Assessing {Count} learners for SRE Foundations (upload, submit, two reviews each)", _options.CertifiedLearners);
        string? sampleCredential = null;
        foreach (var (learnerId, index) in learnerIds.Take(_options.CertifiedLearners).Select((id, i) => (id, i)))
        {
            var attempt = await AssessAsync(community, learnerId, foundationsId, cancellationToken);
            logger.LogInformation("[seed 5/6] {Done}/{Total}: attempt {Attempt} {Status}", index + 1, _options.CertifiedLearners, attempt.Id, attempt.Status);
            sampleCredential ??= attempt.CredentialId;
        }

        if (_options.DistinctCredentials > 0)
        {
            await new DistinctCredentialSeeder(grains, logger)
                .SeedAsync(community, toilBusterId, _options.DistinctCredentials, _options.DistinctCredentialsFile, cancellationToken);
        }

        logger.LogInformation("[seed 6/6] Issuing demo keys for an evaluator, a learner and a partner");
        var keys = new DemoKeys(
            community,
            created.AdminKey,
            await IssueKeyAsync(community, Role.Evaluator, evaluatorIds[0], [], "Demo evaluator"),
            await IssueKeyAsync(community, Role.Learner, learnerIds[0], [], "Demo learner"),
            await IssueKeyAsync(community, Role.Partner, null, [PartnerScopes.ReadCredentials], "Demo partner"),
            sampleCredential is null ? null : $"c/{community}/credentials/{sampleCredential}");
        await keys.SaveAsync(_options.KeysFile);
        logger.LogInformation("Demo community '{Community}' is ready; keys written to {KeysFile}", community, _options.KeysFile);
    }

    private async Task<string> DefineAndPublishAsync(string community, DefineCredential definition, string actor)
    {
        var id = EntityId.New(IdPrefixes.CredentialDefinition);
        var grain = grains.CredentialDefinition(community, id);
        await grain.DefineAsync(definition, actor);
        await grain.PublishAsync(actor);
        return id;
    }

    private async Task<AttemptView> AssessAsync(string community, string learnerId, string definitionId, CancellationToken cancellationToken)
    {
        var learner = grains.Learner(community, learnerId);
        var text = $"# Reliability portfolio\n\n{_faker.Lorem.Paragraphs(4)}\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var ticket = await learner.RequestArtifactUploadAsync(new RequestArtifactUpload(null, "Reliability portfolio", "portfolio.md", "text/markdown", bytes.Length));
        using (var content = new ByteArrayContent(bytes))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            using var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = content };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            (await http.CreateClient().SendAsync(put, cancellationToken)).EnsureSuccessStatusCode();
        }

        await learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version);
        var attempt = grains.Attempt(community, EntityId.New(IdPrefixes.Attempt));
        var view = await attempt.SubmitAsync(new SubmitAttempt(learnerId, definitionId, [ticket.ArtifactId]));
        foreach (var seat in view.Panel)
        {
            var scores = FoundationsCriteria.Select(code => new CriterionScore(code, _faker.PickRandom("Proficient", "Exemplary"), _faker.Lorem.Sentence())).ToList();
            view = await attempt.SubmitReviewAsync(new SubmitReview(seat.EvaluatorId, scores, _faker.Lorem.Sentence(12)));
        }

        return view;
    }

    private async Task<string> IssueKeyAsync(string community, Role role, string? subject, IReadOnlyList<string> scopes, string label) =>
        (await grains.ApiKey(community, EntityId.New(IdPrefixes.ApiKey))
            .IssueAsync(new IssueApiKey(role, subject, scopes, label), Actors.System)).Token;

    private Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }
}
