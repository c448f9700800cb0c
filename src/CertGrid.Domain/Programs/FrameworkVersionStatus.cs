namespace CertGrid.Domain.Programs;

/// <summary>
/// Where a framework version is in its lifecycle: a <see cref="Draft"/> can change; a <see cref="Proposed"/> version
/// waits for the steering committee; an <see cref="Approved"/> one may be published; a <see cref="Published"/> one
/// is in force and never changes; a <see cref="Retired"/> one can no longer be assessed against (credentials
/// issued under it stay as they are).
/// </summary>
public enum FrameworkVersionStatus
{
    /// <summary>Being written; admins may still change it.</summary>
    Draft,
    /// <summary>Put to the steering committee, awaiting its vote.</summary>
    Proposed,
    /// <summary>Approved by the committee; an admin may publish it.</summary>
    Approved,
    /// <summary>Released: credentials assess against it and it never changes.</summary>
    Published,
    /// <summary>No longer used for new credentials; credentials issued under it stay as they are.</summary>
    Retired,
}
