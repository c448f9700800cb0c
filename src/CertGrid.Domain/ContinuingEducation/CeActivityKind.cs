namespace CertGrid.Domain.ContinuingEducation;

/// <summary>What a learner did to keep their skills current.</summary>
public enum CeActivityKind
{
    /// <summary>A course or training taken.</summary>
    Course,
    /// <summary>A conference, meetup or workshop attended.</summary>
    Event,
    /// <summary>Mentoring a learner of the community.</summary>
    Mentoring,
    /// <summary>Reviewing attempts as an evaluator.</summary>
    Evaluating,
    /// <summary>Curating resources for the library.</summary>
    Curating,
    /// <summary>Teaching a course or workshop.</summary>
    Teaching,
    /// <summary>A published article, talk or paper.</summary>
    Publication,
    /// <summary>Anything else, described in the activity.</summary>
    Other,
}
