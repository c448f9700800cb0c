using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Languages;
using CertGrid.Domain.Programs;

namespace CertGrid.Grains.Programs;

/// <summary>
/// The program-level rules of a credential definition that need other grains: its prerequisites exist, its
/// specialisation track exists and its rubric covers the track; and, at publication, that its prerequisites are
/// published too and its rubric fits the framework version it pins.
/// </summary>
internal sealed class CredentialProgramRules(IGrainFactory grains, string community, string definitionId)
{
    public async Task<(CredentialRequirements Requirements, TrackRef? Track, CredentialTranslations? Translations)> ValidateAsync(DefineCredential command, Rubric rubric)
    {
        var requirements = CredentialRequirements.Validate(command.Requirements, definitionId, "input.requirements");
        foreach (var (id, i) in requirements.PrerequisiteIds.Select((id, i) => (id, i)))
        {
            try
            {
                _ = await Definition(id).GetAsync();
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
            {
                throw CertGridException.Invalid($"input.requirements.prerequisiteIds[{i}]", $"Credential '{id}' does not exist in this community.");
            }
        }

        TrackRef? track = null;
        if (command.Track is { } given)
        {
            if (command.Tier != CredentialTier.Specialisation)
            {
                throw CertGridException.Invalid("input.track", "Only a SPECIALISATION credential certifies a specialisation track.");
            }

            track = new TrackRef(EntityId.Require(given.SpecialisationId, IdPrefixes.Specialisation, "input.track.specialisationId"), given.TrackCode?.Trim() ?? string.Empty);
            await RequireCoverageAsync(track, rubric);
        }

        var translations = command.Translations is { } t
            ? new CredentialTranslations(
                LanguageMap.Validate(t.Name, "input.nameTranslations", InputRules.NameMaxLength),
                LanguageMap.Validate(t.Description, "input.descriptionTranslations"),
                LanguageMap.Validate(t.CriteriaNarrative, "input.criteriaNarrativeTranslations"))
            : null;
        return (requirements, track, translations is { IsEmpty: false } ? translations : null);
    }

    /// <summary>What publication needs besides the framework: published prerequisites and the rubric valid against the pinned version.</summary>
    public async Task RequirePublishableAsync(CredentialDefinitionInfo definition, FrameworkInfo framework)
    {
        RubricRules.Validate(definition.Rubric, framework.Competencies.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), "rubric");
        foreach (var id in definition.EffectiveRequirements.PrerequisiteIds)
        {
            var prerequisite = await Definition(id).GetAsync();
            if (prerequisite.Status != PublicationStatus.Published)
            {
                throw CertGridException.Policy($"Prerequisite '{prerequisite.Name}' must be published before a credential that requires it.");
            }
        }

        if (definition.Track is { } track)
        {
            await RequireCoverageAsync(track, definition.Rubric);
        }
    }

    /// <summary>
    /// The policy document published with the credential, written from its configuration and from the policies other
    /// features keep on it (<paramref name="policyLines"/>: assessment and lifespan rules, by section).
    /// </summary>
    public async Task<PolicyDocument> WritePolicyAsync(
        CredentialDefinitionInfo definition, string frameworkName, string? frameworkVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> policyLines, DateTimeOffset now)
    {
        string? trackName = null;
        if (definition.Track is { } track)
        {
            var specialisation = await grains.GetGrain<ISpecialisationsGrain>(community).GetAsync(track.SpecialisationId);
            trackName = $"{specialisation.Name}: {specialisation.Tracks.First(t => t.Code == track.TrackCode).Name}";
        }

        var requirements = definition.EffectiveRequirements;
        var prerequisites = new List<string>();
        foreach (var id in requirements.PrerequisiteIds)
        {
            prerequisites.Add((await Definition(id).GetAsync()).Name);
        }

        return PolicyDocumentWriter.Write(new PolicyFacts(definition.Name, definition.Tier, frameworkName, frameworkVersion,
            prerequisites, requirements.MinimumDaysEnrolled, requirements.RequiresCohort, trackName,
            definition.EvaluatorsPerAttempt, definition.Rubric.PassThresholdPercent, definition.ValidityDays, policyLines), now);
    }

    private async Task RequireCoverageAsync(TrackRef track, Rubric rubric)
    {
        var specialisation = await grains.GetGrain<ISpecialisationsGrain>(community).GetAsync(track.SpecialisationId);
        var trackDefinition = specialisation.Tracks.FirstOrDefault(t => t.Code == track.TrackCode)
            ?? throw CertGridException.Invalid("input.track.trackCode", $"Specialisation '{specialisation.Name}' has no track '{track.TrackCode}'.");
        var uncovered = SpecialisationRules.Uncovered(specialisation, trackDefinition, rubric);
        if (uncovered.Count > 0)
        {
            throw CertGridException.Invalid("input.rubric", $"A '{trackDefinition.Name}' credential must assess the core and track competencies; the rubric does not assess {string.Join(", ", uncovered)}.");
        }
    }

    private ICredentialDefinitionGrain Definition(string id) => grains.CredentialDefinition(community, id);
}
