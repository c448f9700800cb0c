namespace CertGrid.Abstractions.Programs;

/// <summary>A competency framework. Key: <c>{community}/{frameworkId}</c>.</summary>
public interface ICompetencyFrameworkGrain : IGrainWithStringKey
{
    /// <summary>Creates the framework, or replaces its content while it is a draft. CONFLICT once published.</summary>
    Task<FrameworkInfo> DefineAsync(DefineFramework command, string actor);

    /// <summary>Publishes the framework; published versions never change. Idempotent.</summary>
    Task<FrameworkInfo> PublishAsync(string actor);

    /// <summary>The framework, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<FrameworkInfo> GetAsync();
}
