using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// A roster of learners (columns <c>name</c>, <c>email</c>, optional <c>organisation</c>), every row checked with the same
/// rules as enrolling one learner; an email that appears twice is an error on its second line.
/// </summary>
public static class LearnerRoster
{
    public const string NameAccepted = "the person's name: 1 to 200 characters";
    public const string EmailAccepted = "one email address, like ada@example.org";
    public const string OrganisationAccepted = "empty, or the organisation's name: up to 200 characters";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", true, NameAccepted),
        new("email", true, EmailAccepted),
        new("organisation", false, OrganisationAccepted, "organization"),
    ];

    public static ParsedImport<LearnerImportRow> Parse(byte[] content, ImportFormat format)
    {
        var emails = new FirstLines();
        return ImportFileReader.Read(content, format, Columns, (row, errors) =>
        {
            var before = errors.Count;
            var name = errors.Check(() => InputRules.RequireText(row["name"], "name", InputRules.NameMaxLength), row.Line, "name", NameAccepted);
            var email = errors.Check(() => InputRules.RequireEmail(row["email"], "email"), row.Line, "email", EmailAccepted);
            var organisation = errors.Check(() => InputRules.OptionalText(row["organisation"], "organisation", InputRules.NameMaxLength), row.Line, "organisation", OrganisationAccepted);
            emails.RequireFirst(email, row.Line, "email", errors, "each person once: remove or merge the repeated line");
            return errors.Count == before ? new LearnerImportRow(row.Line, name!, email!, organisation) : null;
        });
    }
}
