using Bogus;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;

namespace CertGrid.Benchmarks.Scale;

/// <summary>Fills the community the real way, through its grains, with Bogus people: evaluators, cohorts, learners and open attempts.</summary>
public sealed class Population(IGrainFactory grains, ScaleCommunity community, int inFlight)
{
    private readonly List<string> _learners = [];
    private readonly List<string> _cohorts = [];
    private int _nextAttempt;
    private int _refused;

    public int Learners => _learners.Count;

    public async Task RegisterEvaluatorsAsync(int count)
    {
        var pool = grains.GetGrain<IEvaluatorPoolGrain>(community.Id);
        var organisations = Enumerable.Range(0, 40).Select(i => new Faker { Random = new Randomizer(1000 + i) }.Company.CompanyName()).ToList();
        await Throttle.RunAsync(Enumerable.Range(0, count), inFlight, async i =>
        {
            var faker = Faker(2_000_000 + i);
            try
            {
                await pool.RegisterAsync(EntityId.New(IdPrefixes.Evaluator), new RegisterEvaluator(faker.Name.FullName(), $"evaluator{i}@{faker.Internet.DomainName()}",
                    organisations[i % organisations.Count], ["OBS-1", "INC-1"], null, 10, i % 5 == 0 ? ["en", "fr"] : null), Actors.System);
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
            {
                // A retried registration that had gone through: the email is taken by this very evaluator.
            }
        });
    }

    public async Task CreateCohortsAsync(int count, DateTimeOffset now)
    {
        var start = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = Enumerable.Range(0, count).Select(_ => EntityId.New(IdPrefixes.Cohort)).ToList();
        await Throttle.RunAsync(ids.Select((id, i) => (id, i)), inFlight, c =>
            grains.GetGrain<ICohortGrain>(ScaleCommunity.Key(c.id)).CreateAsync(
                new CreateCohort($"Cohort {c.i + 1}: {Faker(3_000_000 + c.i).Commerce.Department()}", start, start.AddMonths(6), community.DefinitionIds), Actors.System));
        _cohorts.AddRange(ids);
    }

    /// <summary>Learners (in enrolment order) who join a cohort, spread over all of them.</summary>
    public const int JoinedLearners = 20_000;

    /// <summary>Enrols learners up to <paramref name="total"/>, the first <see cref="JoinedLearners"/> each joining one cohort (round robin), 100 at a time per cohort.</summary>
    public async Task EnrolAsync(int total, Action<int> progress)
    {
        var from = _learners.Count;
        var ids = Enumerable.Range(from, total - from).Select(i => (Index: i, Id: EntityId.New(IdPrefixes.Learner))).ToList();
        var done = 0;
        await Throttle.RunAsync(ids, inFlight, async learner =>
        {
            var faker = Faker(learner.Index);
            try
            {
                await grains.GetGrain<ILearnerGrain>(ScaleCommunity.Key(learner.Id)).EnrolAsync(
                    new EnrolLearner(faker.Name.FullName(), $"learner{learner.Index}@{faker.Internet.DomainName()}", faker.Company.CompanyName() + " Academy"), Actors.System);
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
            {
                // A retried enrolment that had gone through.
            }

            if (Interlocked.Increment(ref done) % 5_000 == 0)
            {
                progress(from + done);
            }
        });
        _learners.AddRange(ids.Select(l => l.Id));

        // Cohorts are joined by the first JoinedLearners only: a join reads and updates every learner it adds, one call
        // after another (180,000 calls for 90,000 learners, which had not finished after 25 minutes), and a cohort is a
        // grain of its own, not one of the community's, so its size does not depend on how many learners the community has.
        var joins = ids.Where(l => l.Index < JoinedLearners).GroupBy(l => _cohorts[l.Index % _cohorts.Count]).SelectMany(g => g.Select(l => l.Id).Chunk(100).Select(chunk => (Cohort: g.Key, Learners: chunk)));
        await Throttle.RunAsync(joins.GroupBy(j => j.Cohort), inFlight, async cohort =>
        {
            foreach (var (id, chunk) in cohort)
            {
                await grains.GetGrain<ICohortGrain>(ScaleCommunity.Key(id)).AddMembersAsync(chunk, Actors.System);
            }
        });
    }

    /// <summary>Attempts the community refused (a learner's rules, or a retry of one that went through); reported, not hidden.</summary>
    public int RefusedAttempts => _refused;

    /// <summary>Submits attempts (evidence uploaded as a browser does); they stay under review.</summary>
    public Task SubmitAttemptsAsync(int count) => Throttle.RunAsync(Enumerable.Range(0, count).Select(_ => _nextAttempt++), inFlight, async n =>
    {
        var learnerId = _learners[(int)((n * 7919L) % _learners.Count)];
        var learner = grains.GetGrain<ILearnerGrain>(ScaleCommunity.Key(learnerId));
        var faker = Faker(5_000_000 + n);
        var artifactId = await EvidenceUpload.CommitAsync(learner, "Incident review", $"# Incident review\n\n{faker.Lorem.Paragraphs(2)}\n");
        try
        {
            await grains.GetGrain<IAttemptGrain>(ScaleCommunity.Key(EntityId.New(IdPrefixes.Attempt)))
                .SubmitAsync(new SubmitAttempt(learnerId, community.DefinitionIds[n % community.DefinitionIds.Count], [artifactId]));
        }
        catch (CertGridException ex)
        {
            Interlocked.Increment(ref _refused);
            Console.Error.WriteLine($"  attempt refused: {ex.Code} {ex.Message}");
        }
    });

    private static Faker Faker(int seed) => new() { Random = new Randomizer(seed) };
}
