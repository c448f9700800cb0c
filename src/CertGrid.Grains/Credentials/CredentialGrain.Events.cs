using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Credentials;

public sealed partial class CredentialGrain
{
    /// <summary>Issued, revoked, suspended and reinstated credentials are events about their holder and definition.</summary>
    protected override EventSubject? EventSubjectOf(AuditEvent audit) => new(
        LearnerId: State.LearnerId, CredentialId: Key.Id, CredentialDefinitionId: State.DefinitionId,
        AttemptId: string.IsNullOrEmpty(State.AttemptId) ? null : State.AttemptId, AppealId: State.AppealId);
}
