namespace CertGrid.Abstractions.Programs;

/// <summary>Whether a framework or credential definition can still change (draft) or is in force (published).</summary>
public enum PublicationStatus
{
    Draft,
    Published,
}
