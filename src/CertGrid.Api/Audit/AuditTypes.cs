using CertGrid.Domain.Audit;
using CertGrid.Api.Access.Rules;
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
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ChainVerificationType : ObjectGraphType<ChainVerification>
{
    public ChainVerificationType()
    {
        Name = "ChainVerification";
        Description = "The result of re-computing the audit log's hash chain: whether every entry links to the one before it, and where it breaks if not.";
        Field(x => x.Intact, nullable: false);
        Field(x => x.EntriesChecked, nullable: false);
        Field(x => x.FirstBrokenSequence, nullable: true);
        Field(x => x.Problem, nullable: true);
        Field(x => x.HeadHash, nullable: true).Description("The hash of the last entry when intact: pass 'entriesChecked:headHash' to the verification tool as --expect-head.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>A chunk of the audit log as JSON Lines, and where the next chunk starts.</summary>
public sealed record AuditJsonLinesChunk(string JsonLines, long LastSequence, bool HasMore);

public sealed class AuditJsonLinesChunkType : ObjectGraphType<AuditJsonLinesChunk>
{
    public AuditJsonLinesChunkType()
    {
        Name = "AuditJsonLinesChunk";
        Description = "Audit entries as JSON Lines (one entry per line, the format of GET /c/{community}/audit.jsonl). Pass lastSequence as afterSequence for the next chunk.";
        Field(x => x.JsonLines, nullable: false);
        Field(x => x.LastSequence, nullable: false);
        Field(x => x.HasMore, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}
