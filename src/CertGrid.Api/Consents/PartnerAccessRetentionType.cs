using CertGrid.Abstractions.Consents;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Consents;

public sealed class PartnerAccessRetentionType : ObjectGraphType<PartnerAccessRetentionView>
{
    public PartnerAccessRetentionType()
    {
        Name = "PartnerAccessRetention";
        Description = "How long the community keeps which partner read which learner's data (and partners' messages).";
        Field(x => x.Days, nullable: false).Description("Days each row is kept (730 unless an admin set otherwise).");
        Field(x => x.LastSweptAt, nullable: true).Description("When the daily sweep last ran (UTC); null before the first.");
        Field(x => x.RemovedInLastSweep, nullable: false).Description("Rows the last sweep removed.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
