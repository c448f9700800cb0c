using System.Globalization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// A roster of evaluators for the community's pool (columns <c>name</c>, <c>email</c>, optional <c>organisation</c>,
/// <c>expertise</c> and <c>languages</c> separated by '|', and <c>capacity</c>), every row checked with the rules of
/// registering one evaluator; an email that appears twice is an error on its second line.
/// </summary>
public static class EvaluatorRoster
{
    public const string ExpertiseAccepted = "empty, or competency codes of your framework separated by '|', like SEC-1|OPS-2 (at most 100)";
    public const string LanguagesAccepted = "empty, or language tags separated by '|', like en|fr|pt-BR (at most 20)";
    public const string CapacityAccepted = "empty (10), or how many reviews at once: a whole number from 1 to 500";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        .. LearnerRoster.Columns,
        new("expertise", false, ExpertiseAccepted, "competencies"),
        new("languages", false, LanguagesAccepted),
        new("capacity", false, CapacityAccepted, "maxActiveAssignments"),
    ];

    public static ParsedImport<EvaluatorImportRow> Parse(byte[] content, ImportFormat format)
    {
        var emails = new FirstLines();
        return ImportFileReader.Read(content, format, Columns, (row, errors) =>
        {
            var before = errors.Count;
            var name = errors.Check(() => InputRules.RequireText(row["name"], "name", InputRules.NameMaxLength), row.Line, "name", LearnerRoster.NameAccepted);
            var email = errors.Check(() => InputRules.RequireEmail(row["email"], "email"), row.Line, "email", LearnerRoster.EmailAccepted);
            var organisation = errors.Check(() => InputRules.OptionalText(row["organisation"], "organisation", InputRules.NameMaxLength), row.Line, "organisation", LearnerRoster.OrganisationAccepted);
            var expertise = errors.Check(() => InputRules.RequireCount(row.List("expertise"), "expertise", 0, 100).Select(c => RubricRules.RequireCode(c, "expertise")).Distinct().ToList(),
                row.Line, "expertise", ExpertiseAccepted);
            var languages = errors.Check(() => InputRules.RequireCount(row.List("languages"), "languages", 0, 20).Select(l => AssessmentPolicyRules.RequireLanguage(l, "languages")).Distinct().ToList(),
                row.Line, "languages", LanguagesAccepted);
            var capacity = 0;
            if (row["capacity"] is { } text && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out capacity) && capacity is >= 1 and <= 500))
            {
                errors.Add(new ImportRowError(row.Line, "capacity", $"'{Shorten(text)}' is not a whole number from 1 to 500.", CapacityAccepted));
            }

            emails.RequireFirst(email, row.Line, "email", errors, "each person once: remove or merge the repeated line");
            return errors.Count == before ? new EvaluatorImportRow(row.Line, name!, email!, organisation, expertise!, languages!, capacity) : null;
        });
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
