using Azure.Data.Tables;
using Bogus;
using Bogus.Distributions.Gaussian;
using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Talent;
using CertGrid.Domain.Tenancy;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Storage;
using CertGrid.Grains.Talent;

namespace CertGrid.Benchmarks.Talent;

/// <summary>
/// Discoverable holders with a realistic spread, written straight into each community's talent read model (the rows
/// the consent grains write): 1-3 credentials each from the community's six definitions (tiers weighted towards
/// foundational), each aligned to 3-5 of 20 competencies (popular ones more often), levels around 70% (sd 15), 5% not
/// active, a fifth never expiring, languages and regions from weighted lists, names shown by 70% and contact allowed by 60%.
/// </summary>
public sealed class TalentPopulation(StorageClients storage, DateTimeOffset now)
{
    public static readonly string[] Competencies = Enumerable.Range(1, 20).Select(i => $"C{i:00}").ToArray();
    private static readonly string[] Languages = ["en", "en", "en", "de", "de", "fr", "es", "pt", "nl", "pl"];
    private static readonly string[] Regions = ["Bavaria", "Berlin", "Hesse", "Saxony", "Île-de-France", "Catalonia", "Lisbon", "North Holland", "Masovia", "London", "Scotland", "Ontario", "Texas", "Oregon", "Victoria", "Gauteng"];

    public async Task SeedAsync(string community, int holders, int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var definitions = Enumerable.Range(0, 6).Select(_ => (
            Id: EntityId.New(IdPrefixes.CredentialDefinition),
            Name: faker.Commerce.ProductName(),
            Tier: faker.Random.WeightedRandom([CredentialTier.Foundational, CredentialTier.Advanced, CredentialTier.Specialisation, CredentialTier.MicroCredential], [0.5f, 0.25f, 0.1f, 0.15f]),
            Codes: faker.Random.Shuffle(Competencies).Take(faker.Random.Int(3, 5)).ToArray())).ToList();
        var table = storage.Table(storage.Names.TalentTable);
        var rows = Enumerable.Range(0, holders).Select(_ => TalentRow.From(community, Profile(faker, definitions)));
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        }
    }

    /// <summary>Credentials in the community's credentials read model, for the <c>credentials(first: 10)</c> baseline.</summary>
    public async Task SeedCredentialsAsync(string community, int count)
    {
        var faker = new Faker { Random = new Randomizer(99) };
        var table = storage.Table(storage.Names.CredentialsTable);
        var rows = Enumerable.Range(0, count).SelectMany(_ => CredentialRow.From(community, new CredentialSummary(
            EntityId.New(IdPrefixes.Credential), EntityId.New(IdPrefixes.Learner), faker.Name.FullName(), EntityId.New(IdPrefixes.CredentialDefinition),
            faker.Commerce.ProductName(), CredentialTier.Foundational, now.AddDays(-faker.Random.Int(1, 300)), now.AddDays(365), CredentialStatus.Active, "sk_bench")));
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        }
    }

    private TalentProfile Profile(Faker faker, List<(string Id, string Name, CredentialTier Tier, string[] Codes)> definitions)
    {
        var held = faker.Random.ListItems(definitions, faker.Random.WeightedRandom([1, 2, 3], [0.6f, 0.3f, 0.1f])).Select(d =>
        {
            var from = now.AddDays(-faker.Random.Int(0, 700));
            return new TalentCredential(
                EntityId.New(IdPrefixes.Credential), d.Id, d.Name, d.Tier,
                faker.Random.WeightedRandom([CredentialStatus.Active, CredentialStatus.Suspended, CredentialStatus.Revoked], [0.95f, 0.03f, 0.02f]),
                from, faker.Random.Bool(0.2f) ? null : from.AddDays(faker.Random.Int(365, 1095)),
                d.Codes.Select(c => new TalentCompetency(c, Math.Clamp((int)Math.Round(faker.Random.GaussianDouble(70, 15)), 0, 100), null)).ToList());
        }).ToList();
        var languages = faker.Random.ListItems(Languages, faker.Random.Int(1, 2)).Distinct().ToList();
        return new TalentProfile(EntityId.New(IdPrefixes.Learner), faker.Random.Bool(0.7f) ? faker.Name.FullName() : null,
            faker.PickRandom(Regions), languages, faker.Random.Bool(0.6f), held, 1);
    }
}
