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
        Field("credentialId", x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>));
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AchievementName, nullable: false);
        Field(x => x.Stage, type: typeof(NonNullGraphType<RenewalStageType>));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Resolve(ctx => ctx.Source.Timeline.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.Timeline.ExpiresAt);
        Field<DateTimeOffsetGraphType>("windowOpensAt").Resolve(ctx => ctx.Source.Timeline.WindowOpensAt);
        Field<DateTimeOffsetGraphType>("graceEndsAt").Resolve(ctx => ctx.Source.Timeline.GraceEndsAt);
        Field<DateTimeOffsetGraphType>("lapsesAt").Resolve(ctx => ctx.Source.Timeline.LapsesAt).Description("The last moment it can be renewed.");
        Field(x => x.NextDeadline, nullable: true).Description("When the next milestone (a notice or a change) falls.");
        Field(x => x.Policy, type: typeof(LifespanPolicyType)).Description("The lifespan policy in force; null when the definition has none.");
        Field(x => x.Evidence, type: typeof(RenewalEvidenceSubmissionType));
        Field(x => x.ReplacesCredentialId, type: typeof(IdGraphType));
        Field(x => x.RenewedByCredentialId, type: typeof(IdGraphType));
        Field(x => x.RenewedAt, nullable: true);
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
        Description = "What counts as renewal evidence for a credential.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<RenewalEvidenceKindType>));
        Field(x => x.ArtifactId, type: typeof(IdGraphType));
        Field(x => x.ArtifactSha256, nullable: true);
        Field(x => x.AttemptId, type: typeof(IdGraphType));
        Field(x => x.Status, type: typeof(NonNullGraphType<EvidenceStatusType>));
        Field(x => x.Reason, nullable: true);
        Field(x => x.SubmittedAt, nullable: false);
        Field(x => x.ReviewedAt, nullable: true);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RenewalReadinessType : ObjectGraphType<RenewalReadiness>
{
    public RenewalReadinessType()
    {
        Name = "RenewalReadiness";
        Description = "Whether a credential can be renewed now, and every item still missing.";
        Field(x => x.Ready, nullable: false);
        Field(x => x.CreditsRequired, nullable: false);
        Field(x => x.CreditsVerified, nullable: false).Description("Verified credits whose activity falls in this credential's cycle.");
        Field(x => x.CreditsPending, nullable: false).Description("Self-reported credits of the cycle awaiting verification.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryProgressType>>>>("categories").Resolve(ctx => ctx.Source.Categories);
        Field(x => x.EvidenceRequired, type: typeof(NonNullGraphType<RenewalEvidenceKindType>));
        Field<NonNullGraphType<DateOnlyGraphType>>("cycleStartsOn").Resolve(ctx => ctx.Source.Cycle.StartsOn);
        Field<NonNullGraphType<DateOnlyGraphType>>("cycleEndsBefore").Resolve(ctx => ctx.Source.Cycle.EndsBefore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MissingItemType>>>>("missing").Resolve(ctx => ctx.Source.Missing);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CategoryProgressType : ObjectGraphType<CategoryProgress>
{
    public CategoryProgressType()
    {
        Name = "CategoryProgress";
        Description = "A learner's continuing-education credits in one category against the minimum a renewal needs.";
        Field(x => x.Category, nullable: false);
        Field(x => x.Required, nullable: false);
        Field(x => x.Verified, nullable: false);
        Field(x => x.Pending, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class MissingItemType : ObjectGraphType<MissingItem>
{
    public MissingItemType()
    {
        Name = "RenewalMissingItem";
        Description = "One thing a renewal still needs. Codes: WINDOW_NOT_OPEN, LAPSED, CLOSED, ALREADY_RENEWED, NO_POLICY, CE_CREDITS, CE_CATEGORY_CREDITS, EVIDENCE_MISSING, EVIDENCE_IN_REVIEW, EVIDENCE_REJECTED.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Message, nullable: false);
        Field(x => x.Category, nullable: true);
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
        Field(x => x.DaysCompleted, nullable: false);
        Field(x => x.CredentialsAdvanced, nullable: false);
        Field(x => x.CredentialsDeferred, nullable: false).Description("Could not advance now; retried the next day.");
        Field(x => x.PoliciesRolledOut, nullable: false);
        Field(x => x.LastCompletedDay, nullable: true);
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
