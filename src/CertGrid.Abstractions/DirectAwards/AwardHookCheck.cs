namespace CertGrid.Abstractions.DirectAwards;

/// <summary>What the award hook found of a delivery's signature.</summary>
public enum AwardHookCheck
{
    Valid,
    /// <summary>The community has no secret yet.</summary>
    NotEnabled,
    /// <summary>Missing, malformed, or not made with the community's secret.</summary>
    BadSignature,
    /// <summary>Signed correctly, but too long ago (or too far ahead).</summary>
    Stale,
}
