namespace CertGrid.Grains.Persistence;

/// <summary>The platform's own records, beside the communities'.</summary>
public static class PlatformScope
{
    /// <summary>
    /// The <c>Community</c> of grains that belong to the platform rather than to a community (partner organisations, the
    /// erasure plan rollout): where their rows, effects and audit live. No community id can take this name.
    /// </summary>
    public const string Community = "_platform";
}
