using CertGrid.Abstractions.Assessments;
using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;

namespace CertGrid.Api.Assessments;

/// <summary>
/// Who reads what of an assessment (an attempt or an appeal): admins, its learner and the evaluators on its panel read
/// it; under blind review its panel never learns who the learner is; an evaluator reads only their own review until
/// the decision, and the learner reads the reviews once it is made.
/// </summary>
public static class AssessmentAccess
{
    /// <summary>The evaluators on the panel of a loaded attempt or appeal.</summary>
    public static AccessRule PanelOf<T>(Func<T, IEnumerable<PanelSeat>> panel) =>
        new ResultRule<T>("an evaluator key on its panel", (c, x) => OnPanel(c, panel(x)));

    /// <summary>The evaluators on the panel of the attempt or appeal a nested field belongs to.</summary>
    public static AccessRule PanelOfParent<T>(Func<T, IEnumerable<PanelSeat>> panel) =>
        new SourceRule<T>("an evaluator key on its panel", (c, x) => OnPanel(c, panel(x)));

    /// <summary>Anyone who may read the assessment, when its credential does not use blind review.</summary>
    public static AccessRule WithoutBlindReview<T>(Func<T, bool> blindReview) =>
        new SourceRule<T>("any reader of it when the credential does not use blind review", (_, x) => !blindReview(x));

    /// <summary>The learner's identity: admins and the learner always; the panel only without blind review (null for them otherwise).</summary>
    public static AccessRule LearnerIdentity<T>(Func<T, string> learnerId, Func<T, bool> blindReview) =>
        AccessRules.Admins | AccessRules.LearnerOfParent(learnerId) | WithoutBlindReview(blindReview);

    /// <summary>A review: admins always; each evaluator their own; the learner once the assessment is decided.</summary>
    public static bool SeesReview(Caller caller, string learnerId, bool decided, Review review) =>
        caller.IsAdmin || (decided && caller.IsLearner(learnerId)) || caller.IsEvaluator(review.EvaluatorId);

    /// <summary>A seat vacated before reviewing: admins and the panel; a former evaluator sees their own.</summary>
    public static bool SeesFormerSeat(Caller caller, IEnumerable<PanelSeat> panel, FormerSeat seat) =>
        caller.IsAdmin || OnPanel(caller, panel) || caller.IsEvaluator(seat.EvaluatorId);

    private static bool OnPanel(Caller caller, IEnumerable<PanelSeat> panel) => panel.Any(s => caller.IsEvaluator(s.EvaluatorId));
}
