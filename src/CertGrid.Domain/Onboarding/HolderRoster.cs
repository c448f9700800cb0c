using System.Globalization;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// Credentials earned before CertGrid (columns <c>email</c> of the holder, <c>credential</c>: the credential definition's
/// id, <c>earnedOn</c>: the day, and optional <c>externalId</c>: its id in the system it comes from). The day cannot be in
/// the future; a row that appears twice (same external id, or same holder, credential and day) is an error on its second
/// line. Whether the holder and the credential exist is checked against the community by the dry run.
/// </summary>
public static class HolderRoster
{
    public const string CredentialAccepted = "the credential's id in CertGrid, like def_… (shown on the credential)";
    public const string EarnedOnAccepted = "the day it was earned, like 2024-05-31 (year-month-day), not in the future";
    public const string ExternalIdAccepted = "empty, or its id in the system it comes from: up to 100 characters, unique in the file";
    public static readonly DateOnly EarliestDay = new(1970, 1, 1);

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("email", true, LearnerRoster.EmailAccepted, "holder"),
        new("credential", true, CredentialAccepted, "credentialDefinitionId"),
        new("earnedOn", true, EarnedOnAccepted, "earned", "issuedOn"),
        new("externalId", false, ExternalIdAccepted, "certificateId"),
    ];

    public static ParsedImport<HolderImportRow> Parse(byte[] content, ImportFormat format, DateOnly today)
    {
        var keys = new FirstLines();
        return ImportFileReader.Read(content, format, Columns, (row, errors) =>
        {
            var before = errors.Count;
            var email = errors.Check(() => InputRules.RequireEmail(row["email"], "email"), row.Line, "email", LearnerRoster.EmailAccepted);
            var definition = errors.Check(() => EntityId.Require(row["credential"], IdPrefixes.CredentialDefinition, "credential"), row.Line, "credential", CredentialAccepted);
            var externalId = errors.Check(() => InputRules.OptionalText(row["externalId"], "externalId", 100), row.Line, "externalId", ExternalIdAccepted);
            var earnedOn = default(DateOnly);
            if (row["earnedOn"] is not { } day || !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out earnedOn))
            {
                errors.Add(new ImportRowError(row.Line, "earnedOn", row["earnedOn"] is null ? "The day it was earned is missing." : $"'{EvaluatorRoster.Shorten(row["earnedOn"]!)}' is not a day written year-month-day.", EarnedOnAccepted));
            }
            else if (earnedOn > today || earnedOn < EarliestDay)
            {
                errors.Add(new ImportRowError(row.Line, "earnedOn", $"{day} is {(earnedOn > today ? "in the future" : "before 1970")}.", EarnedOnAccepted));
            }

            if (errors.Count != before)
            {
                return null;
            }

            var holder = new HolderImportRow(row.Line, email!, definition!, earnedOn, externalId);
            keys.RequireFirst(holder.ExternalId ?? $"{holder.Email} with {holder.DefinitionId} on {holder.EarnedOn:yyyy-MM-dd}", row.Line, externalId is null ? "email" : "externalId", errors,
                "each earned credential once: remove the repeated line");
            return errors.Count == before ? holder : null;
        });
    }
}
