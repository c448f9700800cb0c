using CertGrid.Abstractions.Privacy;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

public sealed class RetentionSweepReportType : ObjectGraphType<RetentionSweepReport>
{
    public RetentionSweepReportType()
    {
        Name = "RetentionSweepReport";
        Description = "What a retention sweep did.";
        Field(x => x.At, nullable: false).Description("When the sweep ran (UTC).");
        Field(x => x.Erased, nullable: false).Description("Learners erased because they were inactive beyond the policy.");
        Field(x => x.More, nullable: false).Description("True when more inactive learners wait than one sweep erases; the next batch follows within minutes.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
