using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Renewals;

public sealed partial class RenewalGrain
{
    /// <summary>A renewed or expired credential (the renewal is keyed by the credential it tracks) is an event about its holder.</summary>
    protected override EventSubject? EventSubjectOf(AuditEvent audit) => new(
        LearnerId: State.LearnerId, CredentialId: Key.Id, CredentialDefinitionId: State.DefinitionId);
}
