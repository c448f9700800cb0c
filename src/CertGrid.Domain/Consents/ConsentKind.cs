namespace CertGrid.Domain.Consents;

/// <summary>What a learner agreed to.</summary>
public enum ConsentKind
{
    /// <summary>One credential shared with one partner organisation.</summary>
    SharedWithPartner,
    /// <summary>Findable in partners' talent search, for the credentials and competencies named, showing the attributes chosen.</summary>
    Discoverable,
}
