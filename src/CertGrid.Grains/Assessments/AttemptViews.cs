using CertGrid.Abstractions.Assessments;

namespace CertGrid.Grains.Assessments;

/// <summary>Builds the view of an attempt from its state.</summary>
internal static class AttemptViews
{
    public static AttemptView From(string id, AttemptState state) => new(
        id, state.LearnerId, state.DefinitionId, state.Status, state.Evidence.ToList(), state.Panel.ToList(), state.Reviews.ToList(),
        state.Verdict, state.CredentialId, state.SubmittedAt, state.DecidedAt);
}
