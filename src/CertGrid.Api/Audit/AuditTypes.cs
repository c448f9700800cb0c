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
        Field(x => x.Sequence, nullable: false).Description("The entry's position in the chain, counting from 1 without gaps.");
        Field(x => x.EventId, nullable: false).Description("The id of the event recorded; the chain holds each event once.");
        Field(x => x.At, nullable: false).Description("When the decision was made (UTC instant, millisecond precision as hashed).");
        Field(x => x.Actor, nullable: false).Description("Who: operator, admin:<key>, learner:<id>, evaluator:<id>, partner:<key>, award-hook:<delivery id> or system.");
        Field(x => x.Action, nullable: false).Description("What, e.g. review.submitted, attempt.decided, credential.issued.");
        Field(x => x.Subject, nullable: false).Description("The id of what it happened to.");
        Field(x => x.Details, nullable: false).Description("Why and how: JSON; empty when the details were erased (payloadErased).");
        Field(x => x.PayloadHash, nullable: false).Description("The commitment to the details: hex SHA-256 of payloadSalt followed by details (of details alone on entries without a salt). It stays when the details are erased.");
        Field(x => x.PayloadSalt, nullable: true).Description("The commitment's random salt (32 hex digits); null on entries written before salting and on erased entries.");
        Field(x => x.PayloadErased, nullable: false).Description("True when the details were erased (a person's right to erasure): the entry, its commitment and hash stay, so the chain still verifies.");
        Field(x => x.PreviousHash, nullable: false).Description("The hash of the entry before; 64 zeros for the first entry.");
        Field(x => x.Hash, nullable: false).Description("Hex SHA-256 of this entry's sequence, time, actor, action, subject, payloadHash and previousHash, as a JSON array.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ChainVerificationType : ObjectGraphType<ChainVerification>
{
    public ChainVerificationType()
    {
        Name = "ChainVerification";
        Description = "The result of re-computing the audit log's hash chain: whether every entry links to the one before it, and where it breaks if not.";
        Field(x => x.Intact, nullable: false).Description("True when every entry checked matches its contents and links to the one before it.");
        Field(x => x.EntriesChecked, nullable: false).Description("How many entries were recomputed, up to and including the first broken one.");
        Field(x => x.FirstBrokenSequence, nullable: true).Description("The sequence of the first entry that does not verify; null when intact.");
        Field(x => x.Problem, nullable: true).Description("What is wrong with the first broken entry, in a sentence; null when intact.");
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
        Field(x => x.JsonLines, nullable: false).Description("The entries, one JSON object per line; empty when there are none after afterSequence.");
        Field(x => x.LastSequence, nullable: false).Description("The sequence of the last entry in this chunk: pass it as afterSequence for the next one.");
        Field(x => x.HasMore, nullable: false).Description("True when entries follow this chunk.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
