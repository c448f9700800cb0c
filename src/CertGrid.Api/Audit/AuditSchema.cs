using CertGrid.Abstractions.Audit;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Domain.Audit;
using GraphQL.Types;

namespace CertGrid.Api.Audit;

/// <summary>The community's audit log and the recomputation of its hash chain (admin).</summary>
public sealed class AuditSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PageGraphType<AuditEntryType, AuditEntry>>>("auditLog")
            .Description("Your community's audit log, oldest first (admin).")
            .Paged()
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAuditLogReaderGrain>(ctx.Caller().RequireAdmin()).ListAsync(ctx.Page()));

        query.Field<NonNullGraphType<ChainVerificationType>>("verifyAuditLog")
            .Description("Recomputes every hash of the audit chain and reports the first broken entry (admin).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IAuditLogReaderGrain>(ctx.Caller().RequireAdmin()).VerifyAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
    }
}
