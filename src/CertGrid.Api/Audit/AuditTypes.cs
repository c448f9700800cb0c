using CertGrid.Domain.Audit;
using GraphQL.Types;

namespace CertGrid.Api.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One entry of the community's tamper-evident audit chain.";
        Field(x => x.Sequence, nullable: false);
        Field(x => x.EventId, nullable: false);
        Field(x => x.At, nullable: false);
        Field(x => x.Actor, nullable: false).Description("Who: operator, admin:<key>, learner:<id>, evaluator:<id>, partner:<key> or system.");
        Field(x => x.Action, nullable: false).Description("What, e.g. review.submitted, attempt.decided, credential.issued.");
        Field(x => x.Subject, nullable: false).Description("The id of what it happened to.");
        Field(x => x.Details, nullable: false).Description("Why and how: JSON.");
        Field(x => x.PayloadHash, nullable: false);
        Field(x => x.PreviousHash, nullable: false);
        Field(x => x.Hash, nullable: false);
    }
}

public sealed class ChainVerificationType : ObjectGraphType<ChainVerification>
{
    public ChainVerificationType()
    {
        Name = "ChainVerification";
        Field(x => x.Intact, nullable: false);
        Field(x => x.EntriesChecked, nullable: false);
        Field(x => x.FirstBrokenSequence, nullable: true);
        Field(x => x.Problem, nullable: true);
    }
}
