namespace CertGrid.Domain.Events;

/// <summary>
/// What an event is about, by id only: the learner, credential, credential definition, attempt, appeal and evaluator it
/// concerns (null when it does not concern one) and, for decisions, the outcome (<c>Passed</c>, <c>Failed</c>,
/// <c>Upheld</c>, <c>Overturned</c>). No names, emails, notes or justifications: an erased learner's events stay as
/// they were, carrying nothing that identifies a person but the pseudonymous learner id.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.event-subject")]
public sealed record EventSubject(
    [property: Id(0)] string? LearnerId = null,
    [property: Id(1)] string? CredentialId = null,
    [property: Id(2)] string? CredentialDefinitionId = null,
    [property: Id(3)] string? AttemptId = null,
    [property: Id(4)] string? AppealId = null,
    [property: Id(5)] string? EvaluatorId = null,
    [property: Id(6)] string? Outcome = null);
