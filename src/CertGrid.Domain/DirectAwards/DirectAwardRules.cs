using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.DirectAwards;

/// <summary>The checks a direct award passes before anything is looked up: each refusal names the field and what is accepted.</summary>
public static partial class DirectAwardRules
{
    public const int MaxExternalIdLength = 200;
    public const int MaxSourceLength = 60;
    public const int MaxEvidence = 10;
    public const int MaxEvidenceTitleLength = 200;
    public const int MaxEvidenceUrlLength = 2000;

    /// <summary>The award as given, trimmed, with the learner's email in lower case; VALIDATION_FAILED naming the first field that is wrong.</summary>
    public static DirectAward Validate(DirectAward award, string prefix = "input")
    {
        var definitionId = EntityId.Require(award.DefinitionId, IdPrefixes.CredentialDefinition, $"{prefix}.definitionId");
        var byId = !string.IsNullOrWhiteSpace(award.LearnerId);
        var byEmail = !string.IsNullOrWhiteSpace(award.LearnerEmail);
        if (byId == byEmail)
        {
            throw CertGridException.Invalid($"{prefix}.learnerId",
                $"Name the learner with exactly one of '{prefix}.learnerId' (lrn_…) and '{prefix}.learnerEmail' (the email they are enrolled with).");
        }

        var externalId = InputRules.RequireText(award.ExternalId, $"{prefix}.externalId", MaxExternalIdLength);
        if (externalId.Any(char.IsWhiteSpace))
        {
            throw CertGridException.Invalid($"{prefix}.externalId", $"'{prefix}.externalId' must not contain spaces: your system's id of what was completed, up to {MaxExternalIdLength} characters.");
        }

        var source = InputRules.RequireText(award.Source, $"{prefix}.source", MaxSourceLength);
        if (!SourcePattern().IsMatch(source))
        {
            throw CertGridException.Invalid($"{prefix}.source", $"'{prefix}.source' names the sending system in letters, digits, '.', '_' or '-' (e.g. moodle or events-2026), up to {MaxSourceLength} characters.");
        }

        var evidence = InputRules.RequireCount(award.Evidence ?? [], $"{prefix}.evidence", 0, MaxEvidence)
            .Select((e, i) => Evidence(e, $"{prefix}.evidence[{i}]")).ToList();
        if (evidence.GroupBy(e => e.Url, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw CertGridException.Invalid($"{prefix}.evidence", $"'{prefix}.evidence' lists {twice.Key} more than once: give each link once.");
        }

        return new DirectAward(definitionId,
            byId ? EntityId.Require(award.LearnerId, IdPrefixes.Learner, $"{prefix}.learnerId") : null,
            byEmail ? InputRules.RequireEmail(award.LearnerEmail, $"{prefix}.learnerEmail") : null,
            externalId, source, evidence);
    }

    private static AwardEvidence Evidence(AwardEvidence item, string field)
    {
        var url = InputRules.RequireText(item.Url, $"{field}.url", MaxEvidenceUrlLength);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw CertGridException.Invalid($"{field}.url", $"'{field}.url' must be an absolute http(s) URL without credentials.");
        }

        return new AwardEvidence(uri.AbsoluteUri, InputRules.RequireText(item.Title, $"{field}.title", MaxEvidenceTitleLength));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SourcePattern();
}
