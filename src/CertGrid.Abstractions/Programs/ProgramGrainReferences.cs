using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Programs;

/// <summary>Typed references to the Programs grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class ProgramGrainReferences
{
    /// <summary>A credential definition.</summary>
    public static ICredentialDefinitionGrain CredentialDefinition(this IGrainFactory grains, string community, string definitionId) =>
        grains.InCommunity<ICredentialDefinitionGrain>(community, definitionId);

    /// <summary>A competency framework.</summary>
    public static ICompetencyFrameworkGrain Framework(this IGrainFactory grains, string community, string frameworkId) =>
        grains.InCommunity<ICompetencyFrameworkGrain>(community, frameworkId);
}
