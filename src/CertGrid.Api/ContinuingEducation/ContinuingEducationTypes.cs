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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<CeActivityKindType>));
        Field(x => x.Title, nullable: false);
        Field(x => x.Credits, nullable: false);
        Field(x => x.Category, nullable: false);
        Field(x => x.OccurredOn, nullable: false).Description("The day it happened; it counts toward the cycle this day falls in.");
        Field(x => x.EvidenceArtifactId, type: typeof(IdGraphType));
        Field(x => x.EvidenceSha256, nullable: true);
        Field(x => x.Verification, type: typeof(NonNullGraphType<CreditVerificationType>));
        Field(x => x.RejectionReason, nullable: true);
        Field("automaticSource", x => x.Source, nullable: true).Description("Set for credits CertGrid granted itself (reviews, mentorships).");
        Field(x => x.RecordedBy, nullable: false);
        Field(x => x.RecordedAt, nullable: false);
        Field(x => x.ReviewedBy, nullable: true);
        Field(x => x.ReviewedAt, nullable: true);
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
        Field(x => x.ReviewCategory, nullable: false);
        Field(x => x.CreditsPerMentorship, nullable: false).Description("Per mentorship confirmed (by the mentee, or declared by an admin), to the mentor.");
        Field(x => x.MentoringCategory, nullable: false);
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
        Field(x => x.Kind, type: typeof(NonNullGraphType<CeActivityKindType>));
        Field(x => x.Title, nullable: false);
        Field(x => x.Credits, nullable: false).Description("0.25 to 100, in steps of 0.25.");
        Field(x => x.Category, nullable: false).Description("For example 'ethics' or 'technical'.");
        Field(x => x.OccurredOn, nullable: false);
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
        Field(x => x.CreditsPerReview, nullable: false);
        Field(x => x.ReviewCategory, nullable: false);
        Field(x => x.CreditsPerMentorship, nullable: false);
        Field(x => x.MentoringCategory, nullable: false);
    }
}
