using CertGrid.Abstractions.Audit;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Audit;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Audit;

/// <summary>The community's audit log and the recomputation of its hash chain (admin).</summary>
public sealed class AuditSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<AuditEntryType, AuditEntry>>>("auditLog")
            .Description("Your community's audit log, oldest first (admin).")
            .Authorize(AccessRules.Admins)
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAuditLogReaderGrain>(ctx.Community()).ListAsync(ctx.Page()));

        query.Field<NonNullGraphType<ChainVerificationType>>("verifyAuditLog")
            .Description("Recomputes every hash of the audit chain and reports the first broken entry (admin).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAuditLogReaderGrain>(ctx.Community()).VerifyAsync());

        query.Field<NonNullGraphType<AuditJsonLinesChunkType>>("auditLogJsonLines")
            .Description("The audit log as JSON Lines, in chunks of up to 1000 entries, for offline verification (admin). The whole log streams from GET /c/{community}/audit.jsonl.")
            .Authorize(AccessRules.Admins)
            .Argument<LongGraphType>("afterSequence", "Start after this entry (default 0: from the first).")
            .Argument<IntGraphType>("first", "How many entries (1-1000, default 1000).")
            .ResolveAsync(async ctx =>
            {
                var community = ctx.Community();
                var first = ctx.GetArgument<int?>("first") ?? 1000;
                InputRules.RequireRange(first, "first", 1, 1000);
                var after = ctx.GetArgument<long?>("afterSequence") ?? 0;
                var entries = await ctx.Grains().GetGrain<IAuditLogReaderGrain>(community).ExportAsync(after, first);
                var lines = string.Concat(entries.Select(e => AuditJsonLines.Write(e) + "\n"));
                return new AuditJsonLinesChunk(lines, entries.Count == 0 ? after : entries[^1].Sequence, entries.Count == first);
            });
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
