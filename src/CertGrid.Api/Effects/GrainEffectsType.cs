using CertGrid.Abstractions.Persistence;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Effects;

public sealed class GrainEffectsType : ObjectGraphType<GrainEffects>
{
    public GrainEffectsType()
    {
        Name = "GrainEffects";
        Description = "A grain whose stored changes still have effects to apply (calls to other grains, audit appends, read models, notices); they are retried until applied.";
        Field(x => x.GrainId, nullable: false).Description("The grain, e.g. attempt/acme/att_…");
        Field(x => x.MarkedAt, nullable: false).Description("When it last stored a change with effects.");
        Field(x => x.Pending, nullable: false).Description("How many effects were pending when one last failed (0 until one fails).");
        Field(x => x.FailingEffect, nullable: true).Description("The kind of the first effect that fails, e.g. IssueEarnedCredential.");
        Field(x => x.FailingReceiver, nullable: true).Description("Whom that effect changes, e.g. credential:vc_….");
        Field(x => x.Attempts, nullable: false).Description("How often that effect failed so far.");
        Field(x => x.LastError, nullable: true).Description("Its last error.");
        Field(x => x.FailingEffectCausedAt, nullable: true).Description("When the change that caused it was made.");
        Field(x => x.NextAttemptAt, nullable: true).Description("When it is tried again.");
        Field(x => x.Stuck, nullable: false).Description("True once it failed 5 times or more: it is still retried (backing off to every 5 minutes), and logged as an error.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
