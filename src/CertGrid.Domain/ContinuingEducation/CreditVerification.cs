namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// Whether a continuing-education activity counts: self-reported activities wait for an admin; only verified
/// credits count toward a renewal. Credits CertGrid grants itself (serving as an evaluator or mentor) are verified.
/// </summary>
public enum CreditVerification
{
    /// <summary>Recorded by the learner; counts once an admin verifies it.</summary>
    SelfReported,
    /// <summary>Verified by an admin (or granted automatically): it counts.</summary>
    Verified,
    /// <summary>Rejected by an admin, with a reason: it does not count.</summary>
    Rejected,
}
