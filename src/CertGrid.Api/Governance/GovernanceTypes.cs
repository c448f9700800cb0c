using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Governance;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Governance;

public sealed class ProposalKindType : EnumerationGraphType<ProposalKind>
{
    public ProposalKindType()
    {
        Name = "ProposalKind";
        Description = "What a proposal to the steering committee is about.";
    }
}

public sealed class ProposalStatusType : EnumerationGraphType<ProposalStatus>
{
    public ProposalStatusType()
    {
        Name = "ProposalStatus";
        Description = "Where a proposal is: OPEN for votes, APPROVED, REJECTED or WITHDRAWN.";
    }
}

public sealed class VoteType : ObjectGraphType<Vote>
{
    public VoteType()
    {
        Name = "Vote";
        Description = "A committee member's vote on a proposal.";
        Field(x => x.Person, nullable: false).Description("The committee member, as 'learner:…' or 'evaluator:…'.");
        Field(x => x.SeatId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The committee seat (seat_…) the vote was cast from.");
        Field(x => x.Approve, nullable: false).Description("True for approval, false for rejection.");
        Field(x => x.Comment, nullable: true).Description("The member's comment on their vote; null when they left none.");
        Field(x => x.At, nullable: false).Description("When the vote was cast (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProposalType : ObjectGraphType<ProposalInfo>
{
    public ProposalType()
    {
        Name = "Proposal";
        Description = "A change put to the steering committee. Its electorate (members in office when it opened, never the proposer) and quorum are fixed at opening.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The proposal's id (prp_…).");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ProposalKindType>)).Description("What kind of change is put to the vote.");
        Field(x => x.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The framework, credential definition or pathway; for a contributor-badges proposal, the community.");
        Field(x => x.SubjectVersion, nullable: false).Description("What exactly is approved: a framework version, or the approval fingerprint of a definition, pathway or policy.");
        Field(x => x.Content, nullable: true).Description("For a policy proposal, the policy exactly as proposed (canonical JSON, the text its fingerprint hashes).");
        Field(x => x.Title, nullable: false).Description("The proposal's title.");
        Field(x => x.Summary, nullable: true).Description("What the proposer says changes and why; null when they gave none.");
        Field(x => x.ProposedBy, nullable: false).Description("The actor who opened it: admin:<key>, learner:<id> or evaluator:<id>.");
        Field(x => x.ProposerPerson, nullable: true).Description("The committee member who proposed it ('learner:…' or 'evaluator:…'), who may not vote on it; null when an admin proposed it.");
        Field(x => x.OpenedAt, nullable: false).Description("When the proposal opened for votes (UTC instant).");
        Field(x => x.Quorum, nullable: false).Description("Approvals needed to approve it, fixed when it opened.");
        Field(x => x.Electorate, nullable: false).Description("The members who may vote ('learner:…' or 'evaluator:…'): those in office when it opened, without the proposer.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VoteType>>>>("votes").Description("The votes cast so far, oldest first.").Expect(3).Resolve(ctx => ctx.Source.Votes);
        Field<NonNullGraphType<IntGraphType>>("approvals").Description("How many votes approve.").Resolve(ctx => ctx.Source.Votes.Count(v => v.Approve));
        Field<NonNullGraphType<IntGraphType>>("rejections").Description("How many votes reject.").Resolve(ctx => ctx.Source.Votes.Count(v => !v.Approve));
        Field(x => x.Status, type: typeof(NonNullGraphType<ProposalStatusType>)).Description("OPEN for votes, APPROVED, REJECTED or WITHDRAWN.");
        Field(x => x.DecidedAt, nullable: true).Description("When it was approved, rejected or withdrawn (UTC instant); null while open.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CommitteeSeatType : ObjectGraphType<CommitteeSeat>
{
    public CommitteeSeatType()
    {
        Name = "CommitteeSeat";
        Description = "A term on the steering committee.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The seat's id (seat_…).");
        Field(x => x.Person, nullable: false).Description("The member, as 'learner:…' or 'evaluator:…'.");
        Field(x => x.Name, nullable: false).Description("The member's name.");
        Field(x => x.StartsOn, nullable: false).Description("The first day of the term (calendar date).");
        Field(x => x.EndsOn, nullable: false).Description("The last day of the term as appointed (calendar date).");
        Field(x => x.EndedEarlyOn, nullable: true).Description("The last day in office of a term ended early.");
        Field(x => x.EndReason, nullable: true).Description("Why the term ended early, as the admin wrote; null unless it did.");
        Field(x => x.AppointedAt, nullable: false).Description("When the admin made the appointment (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReviewScheduleType : ObjectGraphType<ReviewSchedule>
{
    public ReviewScheduleType()
    {
        Name = "ReviewSchedule";
        Description = "When the steering committee last reviewed a framework and when the next review is due.";
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The framework (fwk_…) under review.");
        Field(x => x.FrameworkName, nullable: false).Description("The framework's name.");
        Field(x => x.CadenceDays, nullable: false).Description("Days between reviews.");
        Field(x => x.LastReviewedOn, nullable: false).Description("The day of the last review (calendar date).");
        Field<NonNullGraphType<DateOnlyGraphType>>("dueOn").Description("The day the next review is due: lastReviewedOn plus cadenceDays (calendar date).").Resolve(ctx => ctx.Source.DueOn);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class GovernanceNoticeType : ObjectGraphType<GovernanceNotice>
{
    public GovernanceNoticeType()
    {
        Name = "GovernanceNotice";
        Description = "What the daily governance check told the committee: review-due, term-ending or term-ended.";
        Field(x => x.Kind, nullable: false).Description("review-due, term-ending or term-ended.");
        Field(x => x.Subject, type: typeof(NonNullGraphType<IdGraphType>)).Description("What it concerns: a framework (fwk_…) or a committee seat (seat_…).");
        Field(x => x.Message, nullable: false).Description("The notice as a sentence for the committee.");
        Field(x => x.DueOn, nullable: false).Description("The day the review is due or the term ends (calendar date).");
        Field(x => x.RaisedAt, nullable: false).Description("When the daily check raised it (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class GovernanceType : ObjectGraphType<GovernanceInfo>
{
    public GovernanceType()
    {
        Name = "Governance";
        Description = "How the community governs its program: its steering committee, quorum and review schedule.";
        Field(x => x.Enabled, nullable: false).Description("Once on, governance cannot be turned off.");
        Field(x => x.Quorum, nullable: false).Description("Approvals needed from committee members other than the proposer.");
        Field(x => x.TermWarningDays, nullable: false).Description("How many days before a term ends the committee is told.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommitteeSeatType>>>>("committee").Expect(5).Description("Every term, past, present and future.").Resolve(ctx => ctx.Source.Seats);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommitteeSeatType>>>>("inOffice").Expect(5).Description("Terms in office today.")
            .Resolve(ctx => ctx.Source.InOffice);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewScheduleType>>>>("reviews").Description("The review schedule of every framework that has a review cadence.").Expect(2).Resolve(ctx => ctx.Source.Reviews);
        Field(x => x.EnabledAt, nullable: true).Description("When governance was turned on (UTC instant); null while it is off.");
        Field(x => x.LastCheckedAt, nullable: true).Description("When the daily reminder last ran its checks.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ConfigureGovernanceInput
{
    public int Quorum { get; set; }
    public int? TermWarningDays { get; set; }
}

public sealed class ConfigureGovernanceInputType : InputObjectGraphType<ConfigureGovernanceInput>
{
    public ConfigureGovernanceInputType()
    {
        Name = "ConfigureGovernanceInput";
        Description = "Steering-committee settings: the quorum of approving votes and how long before a term ends its members are warned.";
        Field(x => x.Quorum, nullable: false).Description("Approvals needed from committee members other than the proposer (1-50).");
        Field(x => x.TermWarningDays, nullable: true).Description("How many days before a term ends the committee is told (default 30).");
    }
}

public sealed class AppointCommitteeMemberInput
{
    public string Person { get; set; } = string.Empty;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

public sealed class AppointCommitteeMemberInputType : InputObjectGraphType<AppointCommitteeMemberInput>
{
    public AppointCommitteeMemberInputType()
    {
        Name = "AppointCommitteeMemberInput";
        Description = "A steering-committee appointment: the person and the first and last day of their term.";
        Field(x => x.Person, nullable: false).Description("'learner:<learner id>' or 'evaluator:<evaluator id>'; they vote with their own key.");
        Field(x => x.StartsOn, nullable: false).Description("The first day of the term (calendar date).");
        Field(x => x.EndsOn, nullable: false).Description("The last day of the term.");
    }
}
