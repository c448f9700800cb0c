namespace CertGrid.Domain.ContinuingEducation;

/// <summary>What a learner did to keep their skills current.</summary>
public enum CeActivityKind
{
    Course,
    Event,
    Mentoring,
    Evaluating,
    Curating,
    Teaching,
    Publication,
    Other,
}
