using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Programs;

/// <summary>
/// Who may attempt a credential: holders of valid prerequisite credentials, enrolled for at least some days,
/// and (when required) members of a running cohort that includes the credential.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-requirements")]
public sealed record CredentialRequirements(
    [property: Id(0)] IReadOnlyList<string> PrerequisiteIds,
    [property: Id(1)] int? MinimumDaysEnrolled,
    [property: Id(2)] bool RequiresCohort)
{
    public const int MaxPrerequisites = 10;
    public const int MaxDaysEnrolled = 3650;

    public static CredentialRequirements None { get; } = new([], null, false);

    public bool IsEmpty => PrerequisiteIds.Count == 0 && MinimumDaysEnrolled is null && !RequiresCohort;

    /// <summary>Checks the shape of the requirements (ids, ranges); whether the prerequisites exist is the grain's to check.</summary>
    public static CredentialRequirements Validate(CredentialRequirements? requirements, string definitionId, string field)
    {
        if (requirements is null)
        {
            return None;
        }

        var ids = InputRules.RequireCount(requirements.PrerequisiteIds ?? [], $"{field}.prerequisiteIds", 0, MaxPrerequisites)
            .Select((id, i) => EntityId.Require(id, IdPrefixes.CredentialDefinition, $"{field}.prerequisiteIds[{i}]")).ToList();
        InputRules.RequireUnique(ids, $"{field}.prerequisiteIds");
        if (ids.Contains(definitionId))
        {
            throw CertGridException.Invalid($"{field}.prerequisiteIds", "A credential cannot be its own prerequisite.");
        }

        if (requirements.MinimumDaysEnrolled is { } days)
        {
            InputRules.RequireRange(days, $"{field}.minimumDaysEnrolled", 1, MaxDaysEnrolled);
        }

        return new CredentialRequirements(ids, requirements.MinimumDaysEnrolled, requirements.RequiresCohort);
    }
}
