using CertGrid.Domain.Errors;
using CertGrid.Domain.Languages;

namespace CertGrid.Domain.Programs;

/// <summary>One track of a specialisation: the competencies it adds to the shared core, and the credential that certifies it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.specialisation-track")]
public sealed record SpecialisationTrack(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> CompetencyCodes,
    [property: Id(3)] string? CredentialDefinitionId,
    [property: Id(4)] IReadOnlyDictionary<string, string>? NameTranslations = null);

/// <summary>
/// A specialisation: core competencies every track shares, plus tracks that each add their own. A track's
/// credential must assess the core and the track's competencies.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.specialisation")]
public sealed record Specialisation(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string FrameworkId,
    [property: Id(4)] IReadOnlyList<string> CoreCompetencyCodes,
    [property: Id(5)] IReadOnlyList<SpecialisationTrack> Tracks,
    [property: Id(6)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(7)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null)
{
    /// <summary>The competencies a track's credential must assess: the core and the track's own.</summary>
    public IReadOnlyList<string> RequiredFor(SpecialisationTrack track) => [.. CoreCompetencyCodes, .. track.CompetencyCodes];
}

/// <summary>What makes a specialisation sound, and whether a credential covers its track.</summary>
public static class SpecialisationRules
{
    public const int MaxTracks = 20;

    public static Specialisation Validate(Specialisation specialisation, IReadOnlySet<string> frameworkCompetencies, string field = "input")
    {
        var core = Codes(specialisation.CoreCompetencyCodes, frameworkCompetencies, $"{field}.coreCompetencyCodes", 1);
        var tracks = InputRules.RequireCount(specialisation.Tracks, $"{field}.tracks", 1, MaxTracks);
        InputRules.RequireUnique(tracks.Select(t => t.Code?.Trim()), $"{field}.tracks.code");
        var validated = tracks.Select((t, i) =>
        {
            var own = Codes(t.CompetencyCodes, frameworkCompetencies, $"{field}.tracks[{i}].competencyCodes", 1);
            if (own.FirstOrDefault(core.Contains) is { } shared)
            {
                throw CertGridException.Invalid($"{field}.tracks[{i}].competencyCodes", $"Competency '{shared}' is in the core; a track lists only what it adds.");
            }

            return new SpecialisationTrack(RubricRules.RequireCode(t.Code, $"{field}.tracks[{i}].code"), InputRules.RequireText(t.Name, $"{field}.tracks[{i}].name"),
                own, t.CredentialDefinitionId, LanguageMap.Validate(t.NameTranslations, $"{field}.tracks[{i}].nameTranslations", InputRules.NameMaxLength));
        }).ToList();
        return specialisation with
        {
            Name = InputRules.RequireText(specialisation.Name, $"{field}.name"),
            Description = InputRules.OptionalText(specialisation.Description, $"{field}.description"),
            CoreCompetencyCodes = core,
            Tracks = validated,
            NameTranslations = LanguageMap.Validate(specialisation.NameTranslations, $"{field}.nameTranslations", InputRules.NameMaxLength),
            DescriptionTranslations = LanguageMap.Validate(specialisation.DescriptionTranslations, $"{field}.descriptionTranslations"),
        };
    }

    /// <summary>The competencies of the core and the track that the rubric does not assess (empty when it covers them all).</summary>
    public static IReadOnlyList<string> Uncovered(Specialisation specialisation, SpecialisationTrack track, Rubric rubric)
    {
        var assessed = rubric.Criteria.SelectMany(c => c.CompetencyCodes).ToHashSet(StringComparer.Ordinal);
        return specialisation.RequiredFor(track).Where(code => !assessed.Contains(code)).ToList();
    }

    private static List<string> Codes(IReadOnlyList<string>? codes, IReadOnlySet<string> framework, string field, int min)
    {
        var list = InputRules.RequireCount(codes, field, min, FrameworkContentRules.MaxCompetencies).Select(c => c.Trim()).ToList();
        InputRules.RequireUnique(list, field);
        if (list.FirstOrDefault(c => !framework.Contains(c)) is { } unknown)
        {
            throw CertGridException.Invalid(field, $"Competency '{unknown}' is not in the framework's current version.");
        }

        return list;
    }
}

/// <summary>The specialisation track a credential certifies.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.track-ref")]
public sealed record TrackRef(
    [property: Id(0)] string SpecialisationId,
    [property: Id(1)] string TrackCode);
