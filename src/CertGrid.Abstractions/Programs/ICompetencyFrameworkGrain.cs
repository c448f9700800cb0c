using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>
/// A versioned competency framework. Versions go draft → proposed → approved → published → retired; a published
/// version never changes. Without a steering committee an admin publishes a draft directly; with one, the
/// committee's quorum must approve it first (decisions are read from <c>IGovernanceGrain</c>).
/// Key: <c>{community}/{frameworkId}</c>.
/// </summary>
public interface ICompetencyFrameworkGrain : IGrainWithStringKey
{
    /// <summary>Creates the framework (version 1.0.0, a draft), or replaces its draft. CONFLICT once a version is proposed or published.</summary>
    Task<FrameworkInfo> DefineAsync(DefineFramework command, string actor);

    /// <summary>
    /// Drafts the next version from the given content, or replaces the newest draft. Its number follows from the
    /// diff with the newest released version (or is bumped further with <paramref name="bump"/>).
    /// </summary>
    Task<FrameworkInfo> ReviseAsync(DefineFramework command, VersionBump? bump, string actor);

    /// <summary>Proposes the newest draft to the steering committee. POLICY_VIOLATION without governance.</summary>
    Task<FrameworkInfo> ProposeAsync(string? note, string actor, string? proposerPerson);

    /// <summary>Withdraws the open proposal; the version is a draft again.</summary>
    Task<FrameworkInfo> WithdrawAsync(string actor);

    /// <summary>Publishes the newest draft (no committee) or approved version (with a committee). Idempotent once published.</summary>
    Task<FrameworkInfo> PublishAsync(string actor);

    /// <summary>Retires a published version, or (with a committee) proposes its retirement.</summary>
    Task<FrameworkInfo> RetireAsync(string version, string reason, string actor, string? proposerPerson);

    /// <summary>Sets how often the committee reviews the framework (days), or stops the reviews (null).</summary>
    Task<FrameworkInfo> SetReviewCadenceAsync(int? days, string actor);

    /// <summary>The framework, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<FrameworkInfo> GetAsync();

    /// <summary>One version, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<FrameworkVersionInfo> GetVersionAsync(string version);

    /// <summary>What changed from one version to another (any two versions, either order).</summary>
    [ReadOnly]
    Task<FrameworkDiff> DiffAsync(string fromVersion, string toVersion);
}
