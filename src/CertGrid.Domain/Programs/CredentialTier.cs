namespace CertGrid.Domain.Programs;

/// <summary>The tiers a community's credentials come in. Each maps to an Open Badges <c>achievementType</c>.</summary>
public enum CredentialTier
{
    Foundational,
    Advanced,
    Specialisation,
    MicroCredential,
}
