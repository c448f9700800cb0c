using CertGrid.Domain.Credentials;

namespace CertGrid.Domain.Tests.Programs;

public class PathwayCompletionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static Pathway P(string id, string target, PathwayStatus status = PathwayStatus.Active, params string[] components) =>
        new(id, id, null, target, components, status, Now, Now);

    private static HeldCredential H(string definition, CredentialStatus status = CredentialStatus.Active, int daysLeft = 100) =>
        new($"vc_{definition}", definition, definition, status, Now.AddDays(-1), Now.AddDays(daysLeft));

    [Fact]
    public void A_pathway_completes_when_every_component_is_held_valid()
    {
        var pathway = P("pth_1", "def_t", PathwayStatus.Active, "def_a", "def_b");
        Assert.Empty(PathwayCompletion.Completed([pathway], [H("def_a")], Now));
        Assert.Equal([pathway], PathwayCompletion.Completed([pathway], [H("def_a"), H("def_b")], Now));
        var (held, missing) = PathwayCompletion.Progress(pathway, [H("def_a")], Now);
        Assert.Equal(["def_a"], held);
        Assert.Equal(["def_b"], missing);
    }

    [Fact]
    public void Invalid_components_drafts_and_targets_already_held_award_nothing()
    {
        var pathway = P("pth_1", "def_t", PathwayStatus.Active, "def_a", "def_b");
        Assert.Empty(PathwayCompletion.Completed([pathway], [H("def_a"), H("def_b", CredentialStatus.Revoked)], Now));
        Assert.Empty(PathwayCompletion.Completed([pathway], [H("def_a"), H("def_b", daysLeft: -1)], Now));
        Assert.Empty(PathwayCompletion.Completed([pathway with { Status = PathwayStatus.Draft }], [H("def_a"), H("def_b")], Now));
        Assert.Empty(PathwayCompletion.Completed([pathway], [H("def_a"), H("def_b"), H("def_t", CredentialStatus.Revoked)], Now));
    }

    [Fact]
    public void Random_holdings_complete_exactly_the_pathways_they_cover()
    {
        var faker = new Faker { Random = new Randomizer(5) };
        var micro = Enumerable.Range(0, 8).Select(i => $"def_m{i}").ToList();
        for (var round = 0; round < 100; round++)
        {
            var pathways = Enumerable.Range(0, 4).Select(i => P($"pth_{i}", $"def_t{i}", PathwayStatus.Active, faker.PickRandom(micro, faker.Random.Int(2, 4)).ToArray())).ToList();
            var held = micro.Where(_ => faker.Random.Bool()).Select(d => H(d)).ToList();
            var expected = pathways.Where(p => p.ComponentDefinitionIds.All(c => held.Any(h => h.DefinitionId == c))).Select(p => p.Id);
            Assert.Equal(expected.Order(), PathwayCompletion.Completed(pathways, held, Now).Select(p => p.Id).Order());
        }
    }
}
