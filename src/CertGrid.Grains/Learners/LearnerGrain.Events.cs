using CertGrid.Domain.Audit;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Learners;

public sealed partial class LearnerGrain
{
    /// <summary>An enrolment is an event about the learner, by id: never their name, email or organisation.</summary>
    protected override EventSubject? EventSubjectOf(AuditEvent audit) => new(LearnerId: Key.Id);
}
