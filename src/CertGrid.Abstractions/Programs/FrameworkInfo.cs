using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>
/// What an admin provides to define a competency framework or draft a new version of it: the content of the
/// version (domains, competencies, proficiency levels, translations) and a note for the change log.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.define-framework")]
public sealed record DefineFramework(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<Competency> Competencies,
    [property: Id(3)] IReadOnlyList<CompetencyDomain>? Domains = null,
    [property: Id(4)] IReadOnlyList<ProficiencyLevel>? Levels = null,
    [property: Id(5)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null,
    [property: Id(7)] string? ChangeNote = null)
{
    public FrameworkContent ToContent() => new(Name, Description, Domains ?? [], Competencies, Levels ?? [], NameTranslations, DescriptionTranslations);
}

/// <summary>One version of a framework with its lifecycle: who drafted, proposed, published or retired it, and when.</summary>
/// <param name="Status">The effective status, with the steering committee's decisions applied.</param>
/// <param name="BasedOn">The version this one was drafted from (null for the first).</param>
[GenerateSerializer, Immutable, Alias("certgrid.framework-version-info")]
public sealed record FrameworkVersionInfo(
    [property: Id(0)] string Version,
    [property: Id(1)] FrameworkVersionStatus Status,
    [property: Id(2)] FrameworkContent Content,
    [property: Id(3)] string? ChangeNote,
    [property: Id(4)] string? BasedOn,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] string? ProposalId,
    [property: Id(8)] DateTimeOffset? ProposedAt,
    [property: Id(9)] DateTimeOffset? PublishedAt,
    [property: Id(10)] string? PublishedBy,
    [property: Id(11)] string? RetirementProposalId,
    [property: Id(12)] DateTimeOffset? RetiredAt,
    [property: Id(13)] string? RetirementReason);

/// <summary>
/// A competency framework at its current version — the newest published one, or the newest draft while nothing
/// is published — with every version and the framework's review cadence.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.framework-info")]
public sealed record FrameworkInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string Version,
    [property: Id(4)] PublicationStatus Status,
    [property: Id(5)] IReadOnlyList<Competency> Competencies,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? PublishedAt,
    [property: Id(8)] IReadOnlyList<FrameworkVersionInfo>? Versions = null,
    [property: Id(9)] int? ReviewCadenceDays = null)
{
    public FrameworkVersionInfo? Current => Versions?.FirstOrDefault(v => v.Version == Version);

    public FrameworkVersionInfo? Find(string version) => Versions?.FirstOrDefault(v => v.Version == version);
}
