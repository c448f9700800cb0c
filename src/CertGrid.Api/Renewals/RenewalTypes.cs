using CertGrid.Abstractions.Renewals;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Domain.Renewals;
using GraphQL.Types;

namespace CertGrid.Api.Renewals;

public sealed class RenewalStatusType : ObjectGraphType<RenewalView>
{
    public RenewalStatusType()
    {
        Name = "RenewalStatus";
        Description = "A credential's lifespan: where it is, its dates, its evidence and, under readiness, exactly what a renewal still needs.";
        Field("credentialId", x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential (vc_…).");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The holder (lrn_…).");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…).");
        Field(x => x.AchievementName, nullable: false).Description("The credential's achievement name.");
        Field(x => x.Stage, type: typeof(NonNullGraphType<RenewalStageType>)).Description("Where the credential is in its lifespan: active, renewal open, expired, renewed or lapsed.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Description("When the credential became valid (UTC instant).").Resolve(ctx => ctx.Source.Timeline.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("When the credential expires (UTC instant).").Resolve(ctx => ctx.Source.Timeline.ExpiresAt);
        Field<DateTimeOffsetGraphType>("windowOpensAt").Description("When the renewal window opens (UTC instant); null without a lifespan policy.").Resolve(ctx => ctx.Source.Timeline.WindowOpensAt);
        Field<DateTimeOffsetGraphType>("graceEndsAt").Description("When the grace period after expiry ends (UTC instant); null without a lifespan policy.").Resolve(ctx => ctx.Source.Timeline.GraceEndsAt);
        Field<DateTimeOffsetGraphType>("lapsesAt").Resolve(ctx => ctx.Source.Timeline.LapsesAt).Description("The last moment it can be renewed.");
        Field(x => x.NextDeadline, nullable: true).Description("When the next milestone (a notice or a change) falls.");
        Field(x => x.Policy, type: typeof(LifespanPolicyType)).Description("The lifespan policy in force; null when the definition has none.");
        Field(x => x.Evidence, type: typeof(RenewalEvidenceSubmissionType)).Description("The renewal evidence the holder submitted; null when none was.");
        Field(x => x.ReplacesCredentialId, type: typeof(IdGraphType)).Description("The credential (vc_…) this one renewed; null for a first certification.");
        Field(x => x.RenewedByCredentialId, type: typeof(IdGraphType)).Description("The credential (vc_…) that renewed this one; null until renewed.");
        Field(x => x.RenewedAt, nullable: true).Description("When it was renewed (UTC instant); null until renewed.");
        Field<NonNullGraphType<RenewalReadinessType>>("readiness")
            .Description("Whether it can be renewed now, and every missing item.")
            .ResolveAsync(async ctx => await ctx.Grains().Renewal(ctx.Community(), ctx.Source.CredentialId).CheckAsync());
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RenewalEvidenceSubmissionType : ObjectGraphType<RenewalEvidenceSubmission>
{
    public RenewalEvidenceSubmissionType()
    {
        Name = "RenewalEvidence";
        Description = "Renewal evidence a holder submitted, and whether an admin accepted it.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<RenewalEvidenceKindType>)).Description("What kind of evidence it is: a portfolio artifact or a reassessment.");
        Field(x => x.ArtifactId, type: typeof(IdGraphType)).Description("The portfolio artifact (art_…) offered; null for a reassessment.");
        Field(x => x.ArtifactSha256, nullable: true).Description("Hex SHA-256 of the artifact version offered, frozen at submission; null for a reassessment.");
        Field(x => x.AttemptId, type: typeof(IdGraphType)).Description("The passed reassessment attempt (att_…); null for an artifact.");
        Field(x => x.Status, type: typeof(NonNullGraphType<EvidenceStatusType>)).Description("IN_REVIEW until an admin accepts or rejects it.");
        Field(x => x.Reason, nullable: true).Description("Why an admin rejected it; null unless rejected.");
        Field(x => x.SubmittedAt, nullable: false).Description("When the holder submitted it (UTC instant).");
        Field(x => x.ReviewedAt, nullable: true).Description("When an admin accepted or rejected it (UTC instant); null while in review.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RenewalReadinessType : ObjectGraphType<RenewalReadiness>
{
    public RenewalReadinessType()
    {
        Name = "RenewalReadiness";
        Description = "Whether a credential can be renewed now, and every item still missing.";
        Field(x => x.Ready, nullable: false).Description("True when the credential can be renewed now: nothing is missing.");
        Field(x => x.CreditsRequired, nullable: false).Description("Verified continuing-education credits the policy requires over the cycle.");
        Field(x => x.CreditsVerified, nullable: false).Description("Verified credits whose activity falls in this credential's cycle.");
        Field(x => x.CreditsPending, nullable: false).Description("Self-reported credits of the cycle awaiting verification.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryProgressType>>>>("categories").Description("Credits per category with a minimum; empty when the policy sets none.").Resolve(ctx => ctx.Source.Categories);
        Field(x => x.EvidenceRequired, type: typeof(NonNullGraphType<RenewalEvidenceKindType>)).Description("The evidence the policy requires besides credits.");
        Field<NonNullGraphType<DateOnlyGraphType>>("cycleStartsOn").Description("The first day of the credential's continuing-education cycle (calendar date).").Resolve(ctx => ctx.Source.Cycle.StartsOn);
        Field<NonNullGraphType<DateOnlyGraphType>>("cycleEndsBefore").Description("The day after the cycle's last day (calendar date, exclusive).").Resolve(ctx => ctx.Source.Cycle.EndsBefore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MissingItemType>>>>("missing").Description("Everything a renewal still needs; empty when ready.").Resolve(ctx => ctx.Source.Missing);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CategoryProgressType : ObjectGraphType<CategoryProgress>
{
    public CategoryProgressType()
    {
        Name = "CategoryProgress";
        Description = "A learner's continuing-education credits in one category against the minimum a renewal needs.";
        Field(x => x.Category, nullable: false).Description("The lowercase category.");
        Field(x => x.Required, nullable: false).Description("The fewest verified credits the policy needs in it.");
        Field(x => x.Verified, nullable: false).Description("Verified credits in it within the cycle.");
        Field(x => x.Pending, nullable: false).Description("Self-reported credits in it within the cycle, awaiting verification.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class MissingItemType : ObjectGraphType<MissingItem>
{
    public MissingItemType()
    {
        Name = "RenewalMissingItem";
        Description = "One thing a renewal still needs. Codes: WINDOW_NOT_OPEN, LAPSED, CLOSED, ALREADY_RENEWED, NO_POLICY, CE_CREDITS, CE_CATEGORY_CREDITS, EVIDENCE_MISSING, EVIDENCE_IN_REVIEW, EVIDENCE_REJECTED.";
        Field(x => x.Code, nullable: false).Description("A stable code for what is missing, e.g. CE_CREDITS or EVIDENCE_MISSING.");
        Field(x => x.Message, nullable: false).Description("What is missing, in a sentence for the holder.");
        Field(x => x.Category, nullable: true).Description("The category short of credits, for CE_CATEGORY_CREDITS; null otherwise.");
        Field(x => x.Credits, nullable: true).Description("How many more credits.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SweepReportType : ObjectGraphType<SweepReport>
{
    public SweepReportType()
    {
        Name = "RenewalSweepReport";
        Description = "What a renewal sweep did: deadlines processed, notices sent, credentials changed.";
        Field(x => x.DaysCompleted, nullable: false).Description("How many due days the sweep processed.");
        Field(x => x.CredentialsAdvanced, nullable: false).Description("Credentials moved to their next stage or sent a notice.");
        Field(x => x.CredentialsDeferred, nullable: false).Description("Could not advance now; retried the next day.");
        Field(x => x.PoliciesRolledOut, nullable: false).Description("Changed lifespan policies applied to existing credentials.");
        Field(x => x.LastCompletedDay, nullable: true).Description("The last day fully processed (calendar date, UTC); null before the first sweep.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class SubmitRenewalEvidenceInput
{
    public string? ArtifactId { get; set; }
    public string? AttemptId { get; set; }
}

public sealed class SubmitRenewalEvidenceInputType : InputObjectGraphType<SubmitRenewalEvidenceInput>
{
    public SubmitRenewalEvidenceInputType()
    {
        Name = "SubmitRenewalEvidenceInput";
        Description = "Renewal evidence: a committed portfolio artifact or a passed reassessment attempt.";
        Field(x => x.ArtifactId, type: typeof(IdGraphType)).Description("A committed portfolio artifact (policy PORTFOLIO_ARTIFACT).");
        Field(x => x.AttemptId, type: typeof(IdGraphType)).Description("A passed attempt at this credential, submitted in the window (policy REASSESSMENT).");
    }
}
