namespace CertGrid.Domain.Analytics;

/// <summary>The ways decided outcomes are broken down for fairness.</summary>
public enum FairnessDimension
{
    /// <summary>The learner's organisation (decisions).</summary>
    LearnerOrganisation,

    /// <summary>The language the attempt was assessed in (decisions).</summary>
    Language,

    /// <summary>The learner's cohort (decisions).</summary>
    Cohort,

    /// <summary>The reviewing evaluator's organisation (reviews).</summary>
    EvaluatorOrganisation,

    /// <summary>The reviewing evaluator (reviews).</summary>
    Evaluator,
}
