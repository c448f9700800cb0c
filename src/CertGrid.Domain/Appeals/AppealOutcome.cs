namespace CertGrid.Domain.Appeals;

/// <summary>Where an appeal stands.</summary>
public enum AppealOutcome
{
    /// <summary>Filed; the appeal panel has not finished reviewing.</summary>
    Pending,
    /// <summary>The appeal panel did not find a majority for a pass: the original decision stands.</summary>
    Upheld,
    /// <summary>A majority of the independent appeal panel passed the evidence: the decision is overturned and the credential issued.</summary>
    Overturned,
}
