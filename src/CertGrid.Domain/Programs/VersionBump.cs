namespace CertGrid.Domain.Programs;

/// <summary>
/// How much a change moves a semantic version: <see cref="Patch"/> for wording, <see cref="Minor"/> for additions
/// that keep earlier assessments meaningful, <see cref="Major"/> for removals or a new proficiency scale.
/// </summary>
public enum VersionBump
{
    Patch,
    Minor,
    Major,
}
