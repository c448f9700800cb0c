namespace CertGrid.Domain.Programs;

/// <summary>
/// How much a change moves a semantic version: <see cref="Patch"/> for wording, <see cref="Minor"/> for additions
/// that keep earlier assessments meaningful, <see cref="Major"/> for removals or a new proficiency scale.
/// </summary>
public enum VersionBump
{
    /// <summary>Wording fixes: x.y.Z.</summary>
    Patch,
    /// <summary>Additions that keep what was assessed before: x.Y.0.</summary>
    Minor,
    /// <summary>Changes to what is assessed: X.0.0.</summary>
    Major,
}
