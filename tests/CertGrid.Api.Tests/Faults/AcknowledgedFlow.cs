namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// What the cluster acknowledged to one learner's certification flow (one worker writes it, in order): the learner it
/// enrolled, the attempt it accepted, the decision the last review answered with, the credential that decision named,
/// and the credential's status as the last acknowledged status change left it. A change whose answer never came is
/// kept apart: the credential may then show either status.
/// </summary>
public sealed class AcknowledgedFlow(int number, string email)
{
    public int Number { get; } = number;

    /// <summary>Unique per flow: a second learner with it would be a duplicated enrolment.</summary>
    public string Email { get; } = email;

    public string? LearnerId { get; set; }

    public TimeSpan LearnerAcknowledgedAt { get; set; }

    public string? AttemptId { get; set; }

    /// <summary>The evaluators whose review was acknowledged, with the attempt status each answer reported.</summary>
    public List<(string EvaluatorId, string Status)> Reviews { get; } = [];

    /// <summary>PASSED or FAILED once a review's answer reported the decision.</summary>
    public string? Decision { get; set; }

    public string? CredentialId { get; set; }

    /// <summary>ACTIVE when issued; SUSPENDED or REVOKED after an acknowledged change.</summary>
    public string? CredentialStatus { get; set; }

    public TimeSpan CredentialStatusAcknowledgedAt { get; set; }

    /// <summary>A status change sent but never answered (the client gave up): it may or may not have been applied.</summary>
    public string? UnansweredStatus { get; set; }

    /// <summary>The statuses the credential may show now.</summary>
    public IReadOnlySet<string> AllowedStatuses =>
        new HashSet<string>(new[] { CredentialStatus, UnansweredStatus }.OfType<string>(), StringComparer.Ordinal);
}
