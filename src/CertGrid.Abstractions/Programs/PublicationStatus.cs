namespace CertGrid.Abstractions.Programs;

/// <summary>Whether a framework or credential definition can still change (draft) or is in force (published).</summary>
public enum PublicationStatus
{
    /// <summary>Being defined; only admins see it.</summary>
    Draft,
    /// <summary>Visible to every member and on the public program page.</summary>
    Published,
}
