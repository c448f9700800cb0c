using System.Text.RegularExpressions;
using CertGrid.Domain.Access;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Partners;

/// <summary>What a partner registration and a grant must satisfy.</summary>
public static partial class PartnerRules
{
    /// <summary>A DNS name the operator verified the organisation controls, lower-cased (e.g. <c>jobs.example.org</c>).</summary>
    public static string RequireDomain(string? value, string field)
    {
        var candidate = value?.Trim().TrimEnd('.').ToLowerInvariant();
        if (candidate is null || candidate.Length > 253 || !DomainPattern().IsMatch(candidate))
        {
            throw CertGridException.Invalid(field, $"'{field}' must be a domain name such as 'example.org' (letters, digits, hyphens, dots).");
        }

        return candidate;
    }

    /// <summary>One or more known partner scopes, each once.</summary>
    public static IReadOnlyList<string> RequireScopes(IReadOnlyList<string>? scopes, string field)
    {
        var list = InputRules.RequireCount(scopes ?? [], field, 1, PartnerScopes.All.Count).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = list.FirstOrDefault(s => !PartnerScopes.All.Contains(s));
        return unknown is null
            ? list
            : throw CertGridException.Invalid(field, $"Unknown scope '{unknown}'. Known scopes: {string.Join(", ", PartnerScopes.All.Order(StringComparer.Ordinal))}.");
    }

    [GeneratedRegex(@"^(?=.{1,253}\z)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
