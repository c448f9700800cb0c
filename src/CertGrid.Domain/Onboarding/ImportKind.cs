namespace CertGrid.Domain.Onboarding;

/// <summary>What the rows of an import file are.</summary>
public enum ImportKind
{
    /// <summary>Learners to enrol: name, email, organisation.</summary>
    Learners,
    /// <summary>Evaluators for the pool: name, email, organisation, expertise, languages, capacity.</summary>
    Evaluators,
    /// <summary>Learners to add to cohorts: cohort, learner (email or id).</summary>
    CohortMembers,
    /// <summary>Credentials earned before CertGrid: email, credential, earnedOn, externalId.</summary>
    Holders,
}
