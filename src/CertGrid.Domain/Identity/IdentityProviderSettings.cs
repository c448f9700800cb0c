using CertGrid.Domain.Access;

namespace CertGrid.Domain.Identity;

/// <summary>
/// A community's OpenID Connect provider: who issues the access tokens its members present (<see cref="Issuer"/>, whose
/// discovery document and signing keys CertGrid fetches), for which audience (<see cref="Audience"/>, the API resource the
/// community registered for CertGrid at its provider), the client its sign-in page uses (<see cref="ClientId"/>), and how
/// the token's <see cref="RoleClaim"/> maps to CertGrid roles.
/// </summary>
/// <param name="DefaultRole">The role of a signed-in person whose role claim names none of the mapped values; null refuses them.</param>
[GenerateSerializer, Immutable, Alias("certgrid.identity-provider-settings")]
public sealed record IdentityProviderSettings(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string Audience,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string RoleClaim,
    [property: Id(4)] IReadOnlyList<string> AdminValues,
    [property: Id(5)] IReadOnlyList<string> EvaluatorValues,
    [property: Id(6)] IReadOnlyList<string> LearnerValues,
    [property: Id(7)] Role? DefaultRole)
{
    /// <summary>
    /// The role the token's role-claim values give: the most trusted role any value maps to (admin, then evaluator,
    /// then learner), otherwise <see cref="DefaultRole"/>; null when the person has no role in CertGrid.
    /// </summary>
    public Role? RoleFor(IReadOnlyCollection<string> claimValues)
    {
        bool Any(IReadOnlyList<string> mapped) => claimValues.Any(v => mapped.Contains(v, StringComparer.Ordinal));
        return Any(AdminValues) ? Role.CommunityAdmin
            : Any(EvaluatorValues) ? Role.Evaluator
            : Any(LearnerValues) ? Role.Learner
            : DefaultRole;
    }
}
