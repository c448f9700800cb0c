namespace CertGrid.Domain.Access;

/// <summary>What an API key is allowed to be. Every key belongs to exactly one community and one role.</summary>
public enum Role
{
    /// <summary>Runs the community: defines programs, registers evaluators, enrols learners, reads the audit log.</summary>
    CommunityAdmin,
    /// <summary>Bound to one evaluator: reviews the attempts assigned to them.</summary>
    Evaluator,
    /// <summary>Bound to one learner: manages their portfolio and attempts, reads their credentials.</summary>
    Learner,
    /// <summary>A partner organisation (employer, association) with scopes.</summary>
    Partner,
}
