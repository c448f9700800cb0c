namespace CertGrid.Domain.Onboarding;

/// <summary>One cohort membership of an import file, checked: the cohort's id and the learner, by (lower-case) email or by id.</summary>
public sealed record CohortMemberImportRow(long Line, string CohortId, string? LearnerEmail, string? LearnerId)
{
    public string Learner => LearnerEmail ?? LearnerId!;
}
