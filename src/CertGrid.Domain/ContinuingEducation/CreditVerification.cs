namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// Whether a continuing-education activity counts: self-reported activities wait for an admin; only verified
/// credits count toward a renewal. Credits CertGrid grants itself (serving as an evaluator or mentor) are verified.
/// </summary>
public enum CreditVerification
{
    SelfReported,
    Verified,
    Rejected,
}
