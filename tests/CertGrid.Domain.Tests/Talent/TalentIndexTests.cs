using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Talent;

namespace CertGrid.Domain.Tests.Talent;

/// <summary>
/// The index answers exactly what matching every profile with <see cref="TalentSearch"/> and ranking them answers: the
/// same total and the same page, for every kind of filter, over a realistic population and after changes.
/// </summary>
public sealed class TalentIndexTests
{
    private const string Community = "guild";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Codes = Enumerable.Range(1, 8).Select(i => $"C{i:00}").ToArray();
    private static readonly string[] Definitions = ["def_a", "def_b", "def_c", "def_d"];

    [Fact]
    public void Every_filter_gives_the_total_and_page_a_full_scan_gives()
    {
        var faker = new Faker { Random = new Randomizer(42) };
        var profiles = Enumerable.Range(0, 600).Select(i => Profile(faker, $"lrn_{i:0000}")).ToList();
        var index = new TalentIndex();
        profiles.ForEach(index.Put);

        foreach (var query in Queries(faker))
        {
            foreach (var take in new[] { 1, 10, 60 })
            {
                AssertSameAsScan(index, profiles, query, take);
            }
        }
    }

    [Fact]
    public void A_removed_or_changed_holder_is_answered_as_they_are_now_on_the_next_search()
    {
        var faker = new Faker { Random = new Randomizer(7) };
        var profiles = Enumerable.Range(0, 200).Select(i => Profile(faker, $"lrn_{i:0000}")).ToList();
        var index = new TalentIndex();
        profiles.ForEach(index.Put);
        var query = new TalentQuery(CompetencyCode: "C01");
        var best = index.Search(Community, query, 1, Now).Top.Single().Profile.LearnerId;

        index.Remove(best);
        profiles.RemoveAll(p => p.LearnerId == best);
        Assert.DoesNotContain(index.Search(Community, query, 200, Now).Top, m => m.Profile.LearnerId == best);
        AssertSameAsScan(index, profiles, query, 10);

        var raised = profiles[5] with { Credentials = [Credential(faker, "def_a", ("C01", 100)) with { Status = CredentialStatus.Active, ValidFrom = Now.AddDays(-1), ValidUntil = null }] };
        index.Put(raised);
        profiles[5] = raised;
        Assert.Equal(raised.LearnerId, index.Search(Community, query with { MinimumPercent = 100 }, 1, Now).Top[0].Profile.LearnerId);
        AssertSameAsScan(index, profiles, query, 10);
    }

    [Fact]
    public void Holders_tied_with_the_last_of_the_page_are_ranked_by_the_full_rules()
    {
        var faker = new Faker { Random = new Randomizer(3) };
        // Everybody at 70 in C01: the page is decided by the number of matching credentials, validity, then the key.
        var profiles = Enumerable.Range(0, 50).Select(i => new TalentProfile(
            $"lrn_{i:0000}", null, null, ["en"], false,
            Enumerable.Range(0, 1 + (i % 3)).Select(_ => Credential(faker, "def_a", ("C01", 70))).ToList(), 1)).ToList();
        var index = new TalentIndex();
        profiles.ForEach(index.Put);

        AssertSameAsScan(index, profiles, new TalentQuery(CompetencyCode: "C01"), 5);
    }

    private static void AssertSameAsScan(TalentIndex index, List<TalentProfile> profiles, TalentQuery query, int take)
    {
        var scanned = profiles.Select(p => TalentSearch.Match(Community, p, query, Now)).OfType<TalentMatch>().Order(TalentSearch.Ranking).ToList();
        var (total, top) = index.Search(Community, query, take, Now);

        Assert.Equal(scanned.Count, total);
        Assert.Equal(scanned.Take(take).Select(m => (m.Profile.LearnerId, m.Score)), top.Select(m => (m.Profile.LearnerId, m.Score)));
    }

    private static IEnumerable<TalentQuery> Queries(Faker faker)
    {
        yield return new TalentQuery();
        foreach (var level in new[] { 0, 60, 80, 95 })
        {
            yield return new TalentQuery(MinimumPercent: level);
            foreach (var code in Codes.Take(3))
            {
                yield return new TalentQuery(CompetencyCode: code, MinimumPercent: level, ValidForDays: 30);
                yield return new TalentQuery(CompetencyCode: code, MinimumPercent: level, Language: "de");
            }
        }

        yield return new TalentQuery(CompetencyCode: "C99");
        yield return new TalentQuery(Region: "Bavaria", ValidForDays: 365);
        yield return new TalentQuery(DefinitionId: "def_b", CompetencyCode: "C02");
        yield return new TalentQuery(Tier: CredentialTier.Advanced, MinimumPercent: 70);
        for (var i = 0; i < 20; i++)
        {
            yield return new TalentQuery(
                faker.Random.Bool(0.3f) ? faker.PickRandom(Definitions) : null,
                faker.Random.Bool(0.6f) ? faker.PickRandom(Codes) : null,
                faker.Random.Int(0, 100),
                faker.Random.Bool(0.3f) ? faker.PickRandom<CredentialTier>() : null,
                faker.Random.Int(0, 400),
                faker.Random.Bool(0.3f) ? faker.PickRandom("en", "de", "fr") : null,
                faker.Random.Bool(0.2f) ? faker.PickRandom("Bavaria", "Berlin") : null);
        }
    }

    private static TalentProfile Profile(Faker faker, string learnerId) => new(
        learnerId,
        faker.Random.Bool(0.7f) ? faker.Name.FullName() : null,
        faker.Random.Bool(0.9f) ? faker.PickRandom("Bavaria", "Berlin", "Hesse") : null,
        faker.Random.ListItems(["en", "de", "fr"], faker.Random.Int(0, 2)).ToList(),
        faker.Random.Bool(),
        Enumerable.Range(0, faker.Random.Int(1, 3)).Select(_ => Credential(
            faker,
            faker.PickRandom(Definitions),
            faker.Random.ListItems(Codes, faker.Random.Int(0, 4)).Select(c => (c, faker.Random.Int(30, 100))).ToArray())).ToList(),
        1);

    private static TalentCredential Credential(Faker faker, string definitionId, params (string Code, int Percent)[] competencies)
    {
        var from = Now.AddDays(-faker.Random.Int(-20, 700));
        return new TalentCredential(
            $"vc_{faker.Random.AlphaNumeric(12)}",
            definitionId,
            definitionId.ToUpperInvariant(),
            faker.PickRandom<CredentialTier>(),
            faker.Random.WeightedRandom([CredentialStatus.Active, CredentialStatus.Suspended, CredentialStatus.Revoked], [0.9f, 0.05f, 0.05f]),
            from,
            faker.Random.Bool(0.2f) ? null : from.AddDays(faker.Random.Int(30, 1000)),
            competencies.Select(c => new TalentCompetency(c.Code, c.Percent, null)).ToList(),
            faker.Random.Bool(0.8f));
    }
}
