using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>
/// A community's specialisations: shared core competencies plus tracks. Credentials name the track they certify;
/// this grain reads frameworks only. Key: the community id.
/// </summary>
public interface ISpecialisationsGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces a specialisation; its competencies must be in the framework's current version.</summary>
    Task<Specialisation> DefineAsync(Specialisation specialisation, string actor);

    [ReadOnly]
    Task<Specialisation> GetAsync(string specialisationId);

    [ReadOnly]
    Task<IReadOnlyList<Specialisation>> ListAsync();
}
