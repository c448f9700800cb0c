using CertGrid.Domain.Recognition;
using CertGrid.Domain.Resources;

namespace CertGrid.Domain.Tests.Resources;

public class ResourceRecommendationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static Resource R(string id, string[] codes, string[]? definitions = null, bool published = true, int ageDays = 0) =>
        new(id, id, null, ResourceKind.Link, "https://example.org/" + id, null, codes, definitions ?? [], "learner:lrn_x", Now.AddDays(-ageDays), published);

    [Fact]
    public void Resources_for_more_gaps_come_first_then_credential_tags_then_the_newest()
    {
        var resources = new[]
        {
            R("res_both", ["OBS-1", "INC-1"]), R("res_obs_old", ["OBS-1"], ageDays: 10), R("res_obs_new", ["OBS-1"]), R("res_credential", [], ["def_1"]),
            R("res_other", ["CAP-1"]), R("res_withdrawn", ["OBS-1", "INC-1"], published: false),
        };
        Assert.Equal(["res_both", "res_obs_new", "res_obs_old", "res_credential"], ResourceRecommendation.For(resources, "def_1", ["OBS-1", "INC-1"]).Select(r => r.Id));
        Assert.Single(ResourceRecommendation.For(resources, "def_1", ["OBS-1", "INC-1"], max: 1));
    }

    [Fact]
    public void Badges_are_due_once_the_threshold_is_reached_and_only_once()
    {
        BadgeRule[] rules = [new(ContributionKind.Mentoring, "def_m", 3), new(ContributionKind.Evaluating, "def_e", 10)];
        var counts = new Dictionary<ContributionKind, int> { [ContributionKind.Mentoring] = 3, [ContributionKind.Evaluating] = 9 };
        Assert.Equal([ContributionKind.Mentoring], RecognitionRules.Due(rules, counts, new HashSet<ContributionKind>()).Select(r => r.Kind));
        Assert.Empty(RecognitionRules.Due(rules, counts, new HashSet<ContributionKind> { ContributionKind.Mentoring }));
    }
}
