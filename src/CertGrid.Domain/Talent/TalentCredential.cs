using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Talent;

/// <summary>A competency as a holder demonstrated it: its code, the share of the rubric's maximum, the proficiency level.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-competency")]
public sealed record TalentCompetency(
    [property: Id(0)] string Code,
    [property: Id(1)] int Percent,
    [property: Id(2)] string? Proficiency);

/// <summary>
/// A credential's facts as talent search needs them, copied from the credential whenever it changes (issued, renewed,
/// revoked, suspended, reinstated). <see cref="Disclosed"/> is false when the holder consented to be found only for some
/// of its competencies: a partner then sees those competencies, not which credential showed them.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-credential")]
public sealed record TalentCredential(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] string AchievementName,
    [property: Id(3)] CredentialTier Tier,
    [property: Id(4)] CredentialStatus Status,
    [property: Id(5)] DateTimeOffset ValidFrom,
    [property: Id(6)] DateTimeOffset? ValidUntil,
    [property: Id(7)] IReadOnlyList<TalentCompetency> Competencies,
    [property: Id(8)] bool Disclosed = true)
{
    /// <summary>Active, and still valid <paramref name="days"/> days from now (0: valid now).</summary>
    public bool IsValidFor(DateTimeOffset now, int days) =>
        Status == CredentialStatus.Active && ValidFrom <= now && (ValidUntil is null || ValidUntil > now.AddDays(days));
}
