namespace CertGrid.Domain.Programs;

/// <summary>The tiers a community's credentials come in. Each maps to an Open Badges <c>achievementType</c>.</summary>
public enum CredentialTier
{
    /// <summary>The entry-level credential of a program.</summary>
    Foundational,
    /// <summary>Builds on foundational credentials.</summary>
    Advanced,
    /// <summary>Certifies a specialisation track.</summary>
    Specialisation,
    /// <summary>A narrow credential, e.g. a contributor badge or a pathway component.</summary>
    MicroCredential,
}
