namespace CertGrid.Domain.Relationships;

/// <summary>How two people in a community are connected. Every kind is a conflict of interest for assessment.</summary>
public enum RelationshipKind
{
    Mentor,
    Sponsor,
    Colleague,
    Manager,
    Family,
    Friend,
    Other,
}
