using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// A list of cohort memberships (columns <c>cohort</c>: the cohort's id, and <c>learner</c>: the learner's email or id).
/// A pair that appears twice is an error on its second line; whether the cohort and the learner exist is checked against
/// the community by the dry run.
/// </summary>
public static class CohortMembershipRoster
{
    public const string CohortAccepted = "the cohort's id, like coh_… (shown on the cohort)";
    public const string LearnerAccepted = "the learner's email, like ada@example.org, or their id, like lrn_…";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("cohort", true, CohortAccepted, "cohortId"),
        new("learner", true, LearnerAccepted, "email", "learnerId"),
    ];

    public static ParsedImport<CohortMemberImportRow> Parse(byte[] content, ImportFormat format)
    {
        var pairs = new FirstLines();
        return ImportFileReader.Read(content, format, Columns, (row, errors) =>
        {
            var before = errors.Count;
            var cohort = errors.Check(() => EntityId.Require(row["cohort"], IdPrefixes.Cohort, "cohort"), row.Line, "cohort", CohortAccepted);
            var learner = row["learner"];
            string? email = null, learnerId = null;
            if (EntityId.IsValid(learner, IdPrefixes.Learner))
            {
                learnerId = learner;
            }
            else
            {
                email = errors.Check(() => InputRules.RequireEmail(learner, "learner"), row.Line, "learner", LearnerAccepted);
            }

            pairs.RequireFirst(cohort is null || (email ?? learnerId) is null ? null : $"{email ?? learnerId} in {cohort}", row.Line, "learner", errors,
                "each learner once per cohort: remove the repeated line");
            return errors.Count == before ? new CohortMemberImportRow(row.Line, cohort!, email, learnerId) : null;
        });
    }
}
