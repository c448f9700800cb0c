using CertGrid.Domain.Consents;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Talent;

namespace CertGrid.Domain.Tests.Talent;

public sealed class TalentSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Faker Faker = new() { Random = new Randomizer(17) };

    [Fact]
    public void Filters_narrow_to_holders_whose_consented_credential_passes_each_one()
    {
        var holder = Profile("lrn_a", Credential("def_sre", CredentialTier.Advanced, 120, ("OBS-1", 80), ("INC-1", 40)), region: "Bavaria", languages: ["de", "en"]);

        Assert.NotNull(Match(holder, new TalentQuery()));
        Assert.NotNull(Match(holder, new TalentQuery(DefinitionId: "def_sre", Tier: CredentialTier.Advanced)));
        Assert.Null(Match(holder, new TalentQuery(DefinitionId: "def_other")));
        Assert.Null(Match(holder, new TalentQuery(Tier: CredentialTier.Foundational)));
        Assert.Equal(80, Match(holder, new TalentQuery(CompetencyCode: "OBS-1", MinimumPercent: 80))!.Score);
        Assert.Null(Match(holder, new TalentQuery(CompetencyCode: "INC-1", MinimumPercent: 41)));
        Assert.Null(Match(holder, new TalentQuery(CompetencyCode: "CAP-1")));
        Assert.NotNull(Match(holder, new TalentQuery(ValidForDays: 119)));
        Assert.Null(Match(holder, new TalentQuery(ValidForDays: 120)));
        Assert.NotNull(Match(holder, new TalentQuery(Language: "de", Region: "bavaria")));
        Assert.Null(Match(holder, new TalentQuery(Language: "fr")));
        Assert.Null(Match(holder, new TalentQuery(Region: "Tyrol")));
    }

    [Fact]
    public void Suspended_revoked_expired_and_not_yet_valid_credentials_never_match()
    {
        var active = Credential("def_x", CredentialTier.Foundational, 30, ("OBS-1", 100));
        Assert.NotNull(Match(Profile("lrn_a", active), new TalentQuery()));
        Assert.Null(Match(Profile("lrn_a", active with { Status = CredentialStatus.Suspended }), new TalentQuery()));
        Assert.Null(Match(Profile("lrn_a", active with { Status = CredentialStatus.Revoked }), new TalentQuery()));
        Assert.Null(Match(Profile("lrn_a", active with { ValidUntil = Now.AddSeconds(-1) }), new TalentQuery()));
        Assert.Null(Match(Profile("lrn_a", active with { ValidFrom = Now.AddDays(1) }), new TalentQuery()));
        Assert.NotNull(Match(Profile("lrn_a", active with { ValidUntil = null }), new TalentQuery(ValidForDays: 3650)));
    }

    [Fact]
    public void A_holder_without_a_shown_language_or_region_never_matches_a_filter_on_it()
    {
        var silent = Profile("lrn_a", Credential("def_x", CredentialTier.Foundational, 30, ("OBS-1", 100)));
        Assert.Null(Match(silent, new TalentQuery(Language: "en")));
        Assert.Null(Match(silent, new TalentQuery(Region: "Bavaria")));
    }

    [Fact]
    public void Matches_rank_by_level_then_number_of_matching_credentials_then_validity()
    {
        var strong = Profile("lrn_s", Credential("def_x", CredentialTier.Foundational, 30, ("OBS-1", 100)));
        var broad = Profile("lrn_b", Credential("def_x", CredentialTier.Foundational, 30, ("OBS-1", 60)), Credential("def_y", CredentialTier.Foundational, 30, ("OBS-1", 60)));
        var lasting = Profile("lrn_l", Credential("def_x", CredentialTier.Foundational, 300, ("OBS-1", 60)));
        var brief = Profile("lrn_r", Credential("def_x", CredentialTier.Foundational, 10, ("OBS-1", 60)));
        var query = new TalentQuery(CompetencyCode: "OBS-1");

        var ranked = new[] { brief, lasting, broad, strong }.Select(p => Match(p, query)!).Order(TalentSearch.Ranking).Select(m => m.Profile.LearnerId);

        Assert.Equal(["lrn_s", "lrn_b", "lrn_l", "lrn_r"], ranked);
    }

    [Fact]
    public void Full_ties_are_ordered_by_community_and_learner_as_their_joined_key_compares_ordinally()
    {
        var credential = Credential("def_x", CredentialTier.Foundational, 30, ("OBS-1", 70));
        var query = new TalentQuery(CompetencyCode: "OBS-1");
        (string Community, string Learner)[] keys = [("guild", "lrn_b"), ("guild-2", "lrn_a"), ("guild", "lrn_a"), ("gui", "lrn_z"), ("guild-2", "lrn_"), ("guilds", "lrn_a")];
        var matches = keys.Select(k => TalentSearch.Match(k.Community, Profile(k.Learner, credential), query, Now)!).ToList();

        var ranked = matches.Order(TalentSearch.Ranking).Select(m => m.Community + "/" + m.Profile.LearnerId).ToList();

        Assert.Equal(keys.Select(k => k.Community + "/" + k.Learner).Order(StringComparer.Ordinal), ranked);
        Assert.Equal(["gui/lrn_z", "guild-2/lrn_", "guild-2/lrn_a", "guild/lrn_a", "guild/lrn_b", "guilds/lrn_a"], ranked);
    }

    [Fact]
    public void A_profile_carries_only_what_the_consent_names_and_hides_credentials_consented_only_by_competency()
    {
        var named = Credential("def_x", CredentialTier.Advanced, 30, ("OBS-1", 100), ("INC-1", 50));
        var other = Credential("def_y", CredentialTier.Foundational, 30, ("CAP-1", 70), ("INC-1", 90));
        var unrelated = Credential("def_z", CredentialTier.Foundational, 30, ("AUT-1", 70));
        var terms = new DiscoverableTerms([named.CredentialId], ["INC-1"], ShowName: false, Region: null, Languages: [], AllowContact: false);

        var profile = TalentProfile.Build("lrn_a", Faker.Name.FullName(), terms, 3, [named, other, unrelated])!;

        Assert.Null(profile.Name);
        Assert.Equal(3, profile.ConsentVersion);
        Assert.Equal(2, profile.Credentials.Count);
        Assert.Equal(named, profile.Credentials[0]);
        var hidden = profile.Credentials[1];
        Assert.False(hidden.Disclosed);
        Assert.Equal(["INC-1"], hidden.Competencies.Select(c => c.Code));
        Assert.Null(Match(profile, new TalentQuery(DefinitionId: "def_y")));
        Assert.Equal(90, Match(profile, new TalentQuery(CompetencyCode: "INC-1"))!.Score);
        Assert.Null(TalentProfile.Build("lrn_a", "Ada", terms with { CredentialIds = [], CompetencyCodes = ["NONE"] }, 1, [named]));
    }

    [Fact]
    public void Discoverable_terms_need_something_to_be_found_for_and_well_formed_ids()
    {
        Assert.Equal(ErrorCode.ValidationFailed, Assert.Throws<CertGridException>(() => DiscoverableTerms.Validate(new DiscoverableTerms([], [], true, null, [], true))).Code);
        Assert.Equal("input.credentialIds[0]", Assert.Throws<CertGridException>(() => DiscoverableTerms.Validate(new DiscoverableTerms(["lrn_abcdefghijkmnpqrstuv"], [], true, null, [], true))).Field);
        var valid = DiscoverableTerms.Validate(new DiscoverableTerms([], ["OBS-1", "OBS-1"], true, "  ", ["DE", "de"], false));
        Assert.Equal(["OBS-1"], valid.CompetencyCodes);
        Assert.Equal(["de"], valid.Languages);
        Assert.Null(valid.Region);
        Assert.Contains("my languages (de)", ConsentTexts.Discoverable(valid));
        Assert.Contains("may not contact me", ConsentTexts.Discoverable(valid));
    }

    private static TalentMatch? Match(TalentProfile profile, TalentQuery query) => TalentSearch.Match("acme", profile, query, Now);

    private static TalentProfile Profile(string learnerId, TalentCredential credential, string? region = null, IReadOnlyList<string>? languages = null) =>
        new(learnerId, Faker.Name.FullName(), region, languages ?? [], true, [credential], 1);

    private static TalentProfile Profile(string learnerId, params TalentCredential[] credentials) =>
        new(learnerId, Faker.Name.FullName(), null, [], true, credentials, 1);

    private static TalentCredential Credential(string definitionId, CredentialTier tier, int daysLeft, params (string Code, int Percent)[] competencies) =>
        new("vc_" + Faker.Random.String2(20, "abcdefghijkmnpqrstuvwxyz23456789"), definitionId, Faker.Commerce.ProductName(), tier, CredentialStatus.Active,
            Now.AddDays(-10), Now.AddDays(daysLeft), competencies.Select(c => new TalentCompetency(c.Code, c.Percent, null)).ToList());
}
