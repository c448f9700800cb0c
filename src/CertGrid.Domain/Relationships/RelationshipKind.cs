namespace CertGrid.Domain.Relationships;

/// <summary>How two people in a community are connected. Every kind is a conflict of interest for assessment.</summary>
public enum RelationshipKind
{
    /// <summary>One mentors the other.</summary>
    Mentor,
    /// <summary>One sponsors the other (for example as an employer).</summary>
    Sponsor,
    /// <summary>They work together.</summary>
    Colleague,
    /// <summary>One manages the other.</summary>
    Manager,
    /// <summary>They are family.</summary>
    Family,
    /// <summary>They are friends.</summary>
    Friend,
    /// <summary>Another tie, described in the note.</summary>
    Other,
}
