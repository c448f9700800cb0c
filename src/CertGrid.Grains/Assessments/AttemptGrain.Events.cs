using System.Text.Json;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Assessments;

public sealed partial class AttemptGrain
{
    /// <summary>
    /// Submitted and decided attempts (with the outcome) and evaluators assigned to their panel (with the evaluator,
    /// read from the assignment's audit entry) are events about the learner and the credential definition.
    /// </summary>
    protected override EventSubject? EventSubjectOf(AuditEvent audit) => new(
        LearnerId: State.LearnerId, CredentialId: State.CredentialId, CredentialDefinitionId: State.DefinitionId, AttemptId: Key.Id,
        AppealId: State.AppealId,
        EvaluatorId: audit.Action == "attempt.assigned" ? AssignedEvaluator(audit.Details) : null,
        Outcome: audit.Action == "attempt.decided" ? State.Status.ToString() : null);

    private static string? AssignedEvaluator(string details)
    {
        using var json = JsonDocument.Parse(details);
        return json.RootElement.TryGetProperty("evaluatorId", out var id) ? id.GetString() : null;
    }
}
