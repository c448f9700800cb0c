namespace CertGrid.Domain.Tests.Programs;

public class SpecialisationRulesTests
{
    private static readonly IReadOnlySet<string> Framework = new HashSet<string> { "OBS-1", "INC-1", "CAP-1", "AUT-1" };

    private static Specialisation Spec(params SpecialisationTrack[] tracks) =>
        new("spc_1", " Platform ", null, "fwk_1", ["OBS-1", "INC-1"], tracks.Length > 0 ? tracks : [new("CAP", "Capacity", ["CAP-1"], null)]);

    [Fact]
    public void Tracks_add_their_own_competencies_to_the_shared_core()
    {
        var spec = SpecialisationRules.Validate(Spec(new("CAP", "Capacity", ["CAP-1"], null), new("AUT", "Automation", ["AUT-1"], null)), Framework);
        Assert.Equal("Platform", spec.Name);
        Assert.Equal(["OBS-1", "INC-1", "AUT-1"], spec.RequiredFor(spec.Tracks[1]));
    }

    [Fact]
    public void A_track_may_not_repeat_the_core_nor_name_unknown_competencies()
    {
        Assert.Throws<CertGridException>(() => SpecialisationRules.Validate(Spec(new SpecialisationTrack("X", "X", ["OBS-1"], null)), Framework));
        Assert.Throws<CertGridException>(() => SpecialisationRules.Validate(Spec(new SpecialisationTrack("X", "X", ["NOPE-1"], null)), Framework));
        Assert.Throws<CertGridException>(() => SpecialisationRules.Validate(Spec(new("X", "X", ["CAP-1"], null), new("X", "Y", ["AUT-1"], null)), Framework));
    }

    [Fact]
    public void A_track_credential_must_assess_the_core_and_the_track()
    {
        var spec = SpecialisationRules.Validate(Spec(), Framework);
        RubricCriterion Criterion(string code, params string[] competencies) => new(code, code, null, competencies, [new("No", 0, null), new("Yes", 1, null)]);
        Assert.Empty(SpecialisationRules.Uncovered(spec, spec.Tracks[0], new Rubric([Criterion("C1", "OBS-1", "INC-1"), Criterion("C2", "CAP-1")], 60)));
        Assert.Equal(["INC-1"], SpecialisationRules.Uncovered(spec, spec.Tracks[0], new Rubric([Criterion("C1", "OBS-1"), Criterion("C2", "CAP-1")], 60)));
    }
}
