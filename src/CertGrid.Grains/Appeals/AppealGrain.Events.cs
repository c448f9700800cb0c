using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Appeals;

public sealed partial class AppealGrain
{
    /// <summary>Filed and decided appeals (with the outcome) are events about the learner's attempt; never the justification or reviews.</summary>
    protected override EventSubject? EventSubjectOf(AuditEvent audit) => new(
        LearnerId: State.LearnerId, CredentialId: State.CredentialId, CredentialDefinitionId: State.DefinitionId, AttemptId: State.AttemptId,
        AppealId: Key.Id, Outcome: audit.Action == "appeal.decided" ? State.Outcome.ToString() : null);
}
