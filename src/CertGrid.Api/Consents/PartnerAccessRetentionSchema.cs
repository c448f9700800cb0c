using CertGrid.Abstractions.Consents;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Retries;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Consents;

/// <summary>How long a community keeps its partner-access log (a community setting; see docs/privacy.md).</summary>
public sealed class PartnerAccessRetentionSchema : ISchemaContributor
{
    public void AddQueries(RootQuery query)
    {
        query.Field<NonNullGraphType<PartnerAccessRetentionType>>("partnerAccessLogRetention")
            .Description("How long the community keeps its partner-access log, and its last daily sweep (admins).")
            .Authorize(AccessRules.Admins)
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerAccessRetentionGrain>(ctx.Community()).GetAsync());
    }

    public void AddMutations(RootMutation mutation)
    {
        mutation.Field<NonNullGraphType<PartnerAccessRetentionType>>("setPartnerAccessLogRetention")
            .Description("Sets how many days the community keeps its partner-access log (30 to 3650; 730 unless set). The next daily sweep removes older rows (admins).")
            .Authorize(AccessRules.Admins)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<IntGraphType>>("days", "Days to keep each row, from 30 to 3650.")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<IPartnerAccessRetentionGrain>(ctx.Community())
                .SetDaysAsync(ctx.GetArgument<int>("days"), ctx.Caller().Actor));
    }
}
