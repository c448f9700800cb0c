using CertGrid.Domain.ContinuingEducation;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.ContinuingEducation;

public sealed class CeActivityKindType : EnumerationGraphType<CeActivityKind>
{
    public CeActivityKindType()
    {
        Name = "CeActivityKind";
        Description = "COURSE, EVENT, MENTORING, EVALUATING, CURATING, TEACHING, PUBLICATION or OTHER.";
    }
}

public sealed class CreditVerificationType : EnumerationGraphType<CreditVerification>
{
    public CreditVerificationType()
    {
        Name = "CreditVerification";
        Description = "SELF_REPORTED (waits for an admin), VERIFIED (counts toward renewal) or REJECTED (with a reason).";
    }
}

public sealed class CeActivityType : ObjectGraphType<CeActivity>
{
    public CeActivityType()
    {
        Name = "CeActivity";
        Description = "A continuing-education activity in a learner's ledger.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The activity's id (cea_…).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<CeActivityKindType>)).Description("What sort of activity it was.");
        Field(x => x.Title, nullable: false).Description("What the activity was, as recorded.");
        Field(x => x.Credits, nullable: false).Description("Credits it is worth, in steps of 0.25.");
        Field(x => x.Category, nullable: false).Description("The lowercase category it counts in, e.g. 'ethics'.");
        Field(x => x.OccurredOn, nullable: false).Description("The day it happened; it counts toward the cycle this day falls in.");
        Field(x => x.EvidenceArtifactId, type: typeof(IdGraphType)).Description("The portfolio artifact (art_…) offered as evidence; null when none was given.");
        Field(x => x.EvidenceSha256, nullable: true).Description("Hex SHA-256 of the evidence version when it was recorded; null without evidence.");
        Field(x => x.Verification, type: typeof(NonNullGraphType<CreditVerificationType>)).Description("Whether the credits count: SELF_REPORTED until an admin verifies or rejects them.");
        Field(x => x.RejectionReason, nullable: true).Description("Why an admin rejected it; null unless REJECTED.");
        Field("automaticSource", x => x.Source, nullable: true).Description("Set for credits CertGrid granted itself (reviews, mentorships).");
        Field(x => x.RecordedBy, nullable: false).Description("Who recorded it: learner:<id>, admin:<key> or system.");
        Field(x => x.RecordedAt, nullable: false).Description("When it was recorded (UTC instant).");
        Field(x => x.ReviewedBy, nullable: true).Description("The admin (admin:<key>) who verified or rejected it; null while self-reported or when recorded verified.");
        Field(x => x.ReviewedAt, nullable: true).Description("When it was verified or rejected (UTC instant); null until then.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CeCreditRulesType : ObjectGraphType<CeCreditRules>
{
    public CeCreditRulesType()
    {
        Name = "ContinuingEducationRules";
        Description = "The credits CertGrid grants automatically in this community (0 turns a rule off).";
        Field(x => x.CreditsPerReview, nullable: false).Description("Per review submitted, to the evaluator's linked learner record.");
        Field(x => x.ReviewCategory, nullable: false).Description("The category review credits count in (default 'evaluation').");
        Field(x => x.CreditsPerMentorship, nullable: false).Description("Per mentorship confirmed (by the mentee, or declared by an admin), to the mentor.");
        Field(x => x.MentoringCategory, nullable: false).Description("The category mentoring credits count in (default 'mentoring').");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RecordCeActivityInput
{
    public string? LearnerId { get; set; }
    public CeActivityKind Kind { get; set; }
    public string Title { get; set; } = string.Empty;
    public decimal Credits { get; set; }
    public string Category { get; set; } = string.Empty;
    public DateOnly OccurredOn { get; set; }
    public string? EvidenceArtifactId { get; set; }

    public CeActivityInput ToInput() => new(Kind, Title, Credits, Category, OccurredOn, EvidenceArtifactId);
}

public sealed class RecordCeActivityInputType : InputObjectGraphType<RecordCeActivityInput>
{
    public RecordCeActivityInputType()
    {
        Name = "RecordCeActivityInput";
        Description = "A continuing-education activity: what, when, how many credits and in which category; for admins, the learner.";
        Field(x => x.LearnerId, type: typeof(IdGraphType)).Description("Admins record for a learner (verified at once); learners omit it (self-reported).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<CeActivityKindType>)).Description("What sort of activity it was.");
        Field(x => x.Title, nullable: false).Description("What the activity was: 1-200 characters.");
        Field(x => x.Credits, nullable: false).Description("0.25 to 100, in steps of 0.25.");
        Field(x => x.Category, nullable: false).Description("The category it counts in, e.g. 'ethics' or 'technical': 2-40 letters, digits, spaces or hyphens; stored lowercase.");
        Field(x => x.OccurredOn, nullable: false).Description("The day it happened (calendar date): not in the future and at most 3660 days ago.");
        Field(x => x.EvidenceArtifactId, type: typeof(IdGraphType)).Description("A committed portfolio artifact (a certificate, notes).");
    }
}

public sealed class CeCreditRulesInput
{
    public decimal CreditsPerReview { get; set; }
    public string ReviewCategory { get; set; } = string.Empty;
    public decimal CreditsPerMentorship { get; set; }
    public string MentoringCategory { get; set; } = string.Empty;
}

public sealed class CeCreditRulesInputType : InputObjectGraphType<CeCreditRulesInput>
{
    public CeCreditRulesInputType()
    {
        Name = "ContinuingEducationRulesInput";
        Description = "Credits granted automatically for reviewing attempts and for mentoring, and the categories they count in.";
        Field(x => x.CreditsPerReview, nullable: false).Description("Credits per review submitted, to the evaluator's linked learner record: 0-20, 0 turns the rule off.");
        Field(x => x.ReviewCategory, nullable: false).Description("The category review credits count in: 2-40 letters, digits, spaces or hyphens, starting with a letter; stored lowercase.");
        Field(x => x.CreditsPerMentorship, nullable: false).Description("Credits per mentorship confirmed (by the mentee, or declared by an admin), to the mentor: 0-20, 0 turns the rule off.");
        Field(x => x.MentoringCategory, nullable: false).Description("The category mentoring credits count in: 2-40 letters, digits, spaces or hyphens, starting with a letter; stored lowercase.");
    }
}
