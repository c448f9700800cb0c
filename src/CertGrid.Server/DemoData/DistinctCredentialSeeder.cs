using System.Diagnostics;
using System.Text.Json;
using Bogus;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Server.DemoData;

/// <summary>
/// Issues many distinct credentials for the verification benchmark (<c>Demo:DistinctCredentials</c>). Each goes through
/// <see cref="ICredentialGrain.IssueAsync"/>, the step an earned credential's effect takes once its assessment passed, so
/// it is built, signed with the community's key, given its own status-list entry, stored, recorded on its holder and
/// projected like any other; only the assessment before it is skipped (each gets an attempt id of its own and a passing
/// result on every criterion). The holders are learners enrolled for it, <see cref="PerLearner"/> credentials each (a
/// learner's progress is recomputed from everything they hold on each issuance, so piling thousands on a few learners
/// would measure that instead). The achievement is one without an expiry, so no renewal is tracked for them.
/// </summary>
public sealed class DistinctCredentialSeeder(IGrainFactory grains, ILogger logger)
{
    /// <summary>Credentials issued to each enrolled holder.</summary>
    public const int PerLearner = 10;

    /// <summary>Calls in flight at once: enough to keep the silo busy, few enough that none waits out its timeout.</summary>
    private const int InFlight = 8;

    /// <summary>Attempts of one call before seeding gives up: local storage stalls for seconds when it persists its files.</summary>
    private const int Attempts = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SeedAsync(string community, string definitionId, int count, string file, CancellationToken cancellationToken)
    {
        var definition = await grains.CredentialDefinition(community, definitionId).GetAsync();
        var results = definition.Rubric.Criteria.Select(c => new CriterionResult(c.Code, c.Levels[^1].Name)).ToList();
        var faker = new Faker("en") { Random = new Randomizer(16) };
        var names = Enumerable.Range(0, (count + PerLearner - 1) / PerLearner).Select(_ => (faker.Name.FirstName(), faker.Name.LastName())).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken };

        logger.LogInformation("[seed 5b] Enrolling {Learners} learners to hold {Count} distinct credentials", names.Count, count);
        var clock = Stopwatch.StartNew();
        var learnerIds = new string[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), parallel, async (i, _) =>
        {
            var (first, last) = names[i];
            learnerIds[i] = EntityId.New(IdPrefixes.Learner);
            var learner = grains.Learner(community, learnerIds[i]);
            var enrol = new EnrolLearner($"{first} {last}", $"{first}.{last}.{i}@learners.example".ToLowerInvariant(), null);
            await PatientlyAsync(async () => await learner.FindAsync() ?? await learner.EnrolAsync(enrol, Actors.System));
        });
        var enrolSeconds = clock.Elapsed.TotalSeconds;

        logger.LogInformation("[seed 5b] Issuing {Count} distinct credentials", count);
        clock.Restart();
        var urls = new string[count];
        var issued = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, _) =>
        {
            var command = new IssueCredential(learnerIds[i / PerLearner], definitionId, EntityId.New(IdPrefixes.Attempt), results, []);
            var credential = grains.Credential(community, EntityId.New(IdPrefixes.Credential));
            urls[i] = (await PatientlyAsync(() => credential.IssueAsync(command))).Url;
            if (Interlocked.Increment(ref issued) % 1000 == 0)
            {
                logger.LogInformation("[seed 5b] {Done}/{Total} issued after {Seconds:F1} s", issued, count, clock.Elapsed.TotalSeconds);
            }
        });
        var issueSeconds = clock.Elapsed.TotalSeconds;
        logger.LogInformation("[seed 5b] {Count} distinct credentials issued in {Seconds:F1} s ({Rate:F1}/s) after enrolling {Learners} holders in {Enrol:F1} s",
            count, issueSeconds, count / issueSeconds, names.Count, enrolSeconds);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(
            new { enrolSeconds, seconds = issueSeconds, learners = names.Count, inFlight = InFlight, credentialUrls = urls }, Json), cancellationToken);
    }

    /// <summary>
    /// Calls again after a timeout: issuing is idempotent for the same id and command (and an enrolment is looked up
    /// first), so a call whose answer was lost returns what it stored the first time.
    /// </summary>
    private static async Task<T> PatientlyAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < Attempts && ex is TimeoutException or CertGridException { Code: ErrorCode.Unavailable })
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
