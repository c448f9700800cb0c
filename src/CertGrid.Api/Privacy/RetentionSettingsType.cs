using CertGrid.Abstractions.Privacy;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

public sealed class RetentionSettingsType : ObjectGraphType<RetentionSettings>
{
    public RetentionSettingsType()
    {
        Name = "RetentionPolicy";
        Description = "The community's retention policy: learners inactive for this many years are erased automatically by a daily sweep (docs/privacy.md, \"Retention\").";
        Field<IntGraphType>("inactiveYears").Description("Years without activity after which a learner is erased; null: no policy, nobody is erased for inactivity.")
            .Resolve(ctx => ctx.Source.Policy?.InactiveYears);
        Field(x => x.ChangedAt, nullable: true).Description("When the policy was last set or removed (UTC); null if never.");
        Field(x => x.LastSweepAt, nullable: true).Description("When the last sweep ran (UTC); null before the first.");
        Field(x => x.NextSweepAt, nullable: true).Description("When the next sweep is due (UTC); null without a policy.");
        Field(x => x.ErasedTotal, nullable: false).Description("Learners the sweeps erased so far.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
