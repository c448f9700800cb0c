using System.Net;
using CertGrid.Domain.Access;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Identity;

/// <summary>
/// What a community may configure as its identity provider. The issuer is an absolute https URL (plain http only for a
/// provider on this machine's loopback address, for development and tests), exactly as the provider names itself in
/// its tokens; the role mapping names each claim value once, and only learner, evaluator and admin roles.
/// </summary>
public static class IdentityProviderRules
{
    public const int MaxMappedValues = 20;

    public static IdentityProviderSettings Check(IdentityProviderSettings settings)
    {
        var issuer = RequireIssuer(settings.Issuer, "input.issuer");
        var audience = InputRules.RequireText(settings.Audience, "input.audience", 300);
        var clientId = InputRules.RequireText(settings.ClientId, "input.clientId", 300);
        var roleClaim = InputRules.RequireText(settings.RoleClaim, "input.roleClaim", 100);
        if (audience == clientId)
        {
            throw CertGridException.Invalid("input.audience", "The audience must be the API resource registered for CertGrid, not the client id: tokens issued to the client (ID tokens) must not be accepted as access tokens.");
        }

        var admin = Values(settings.AdminValues, "input.adminValues");
        var evaluator = Values(settings.EvaluatorValues, "input.evaluatorValues");
        var learner = Values(settings.LearnerValues, "input.learnerValues");
        var twice = admin.Concat(evaluator).Concat(learner).GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw CertGridException.Invalid("input", $"The claim value '{twice.Key}' is mapped to more than one role; map each value to one role.");
        }

        if (settings.DefaultRole is Role.Partner)
        {
            throw CertGridException.Invalid("input.defaultRole", "Signed-in people can be learners, evaluators or admins; partners use partner keys.");
        }

        return new IdentityProviderSettings(issuer, audience, clientId, roleClaim, admin, evaluator, learner, settings.DefaultRole);
    }

    /// <summary>An issuer URL as tokens carry it: https, or http on a loopback address; no query or fragment.</summary>
    public static string RequireIssuer(string? value, string field)
    {
        var text = InputRules.RequireText(value, field, 300);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw CertGridException.Invalid(field, $"'{text}' is not an issuer URL; give the provider's issuer exactly as its discovery document names it, e.g. https://login.example.org/realms/guild.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            throw CertGridException.Invalid(field, $"The issuer must use https ('{text}' does not); plain http is accepted only for a provider on 127.0.0.1 or localhost.");
        }

        return text;
    }

    /// <summary>Whether CertGrid may fetch the provider's documents over plain http (a loopback address only).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

    private static List<string> Values(IReadOnlyList<string>? values, string field) =>
        InputRules.RequireCount(values ?? [], field, 0, MaxMappedValues)
            .Select((v, i) => InputRules.RequireText(v, $"{field}[{i}]", 200)).Distinct(StringComparer.Ordinal).ToList();
}
