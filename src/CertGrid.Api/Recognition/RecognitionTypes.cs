using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Recognition;

public sealed class ContributionKindType : EnumerationGraphType<ContributionKind>
{
    public ContributionKindType()
    {
        Name = "ContributionKind";
        Description = "MENTORING (mentor badge), EVALUATING (evaluator badge) or CURATING (curator badge).";
    }
}

/// <summary>The relationships mentorship records: a credential holder mentors or sponsors a learner.</summary>
public enum MentorshipKind
{
    /// <summary>Mentors the learner; counts towards the mentor badge.</summary>
    Mentor,
    /// <summary>Sponsors the learner (for example as an employer); not counted towards badges.</summary>
    Sponsor,
}

public sealed class MentorshipKindType : EnumerationGraphType<MentorshipKind>
{
    public MentorshipKindType()
    {
        Name = "MentorshipKind";
        Description = "MENTOR (counts towards the mentor badge) or SPONSOR.";
    }
}

public sealed class BadgeRuleType : ObjectGraphType<BadgeRule>
{
    public BadgeRuleType()
    {
        Name = "BadgeRule";
        Description = "A contributor badge: the kind of contribution it recognises, the credential it awards and how many contributions earn it.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<ContributionKindType>)).Description("The kind of contribution the badge recognises.");
        Field("credentialId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The micro-credential awarded as the badge.");
        Field(x => x.Threshold, nullable: false).Description("How many contributions earn it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class BadgeRuleInput
{
    public ContributionKind Kind { get; set; }
    public string CredentialId { get; set; } = string.Empty;
    public int Threshold { get; set; }
}

public sealed class BadgeRuleInputType : InputObjectGraphType<BadgeRuleInput>
{
    public BadgeRuleInputType()
    {
        Name = "BadgeRuleInput";
        Description = "A contributor badge to offer: the contribution kind, the published micro-credential it awards and the threshold.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<ContributionKindType>)).Description("The kind of contribution the badge recognises; one rule per kind.");
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A published micro-credential.");
        Field(x => x.Threshold, nullable: false).Description("How many contributions of that kind earn the badge (1-10,000).");
    }
}

public sealed class AwardedBadgeType : ObjectGraphType<AwardedBadge>
{
    public AwardedBadgeType()
    {
        Name = "AwardedBadge";
        Description = "A contributor badge a person earned: the credential issued for it and when.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<ContributionKindType>)).Description("The kind of contribution recognised.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The micro-credential definition (def_…) awarded as the badge.");
        Field(x => x.CredentialId, type: typeof(IdGraphType)).Description("The issued credential; null while owed (an evaluator without a learner record).");
        Field(x => x.At, nullable: false).Description("When the badge was earned (UTC instant).");
        Field(x => x.Note, nullable: true).Description("Why the credential is still owed; null once issued.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ContributionCountType : ObjectGraphType<KeyValuePair<ContributionKind, int>>
{
    public ContributionCountType()
    {
        Name = "ContributionCount";
        Description = "How many contributions of one kind a person has made, and how many more earn the next badge.";
        Field<NonNullGraphType<ContributionKindType>>("kind").Description("The kind of contribution counted.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many confirmed contributions of that kind the person made.").Resolve(ctx => ctx.Source.Value);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ContributorType : ObjectGraphType<ContributorInfo>
{
    public ContributorType()
    {
        Name = "Contributor";
        Description = "A person's counted contributions (reviews, mentoring, curating) and the badges they earned.";
        Field(x => x.Person, nullable: false).Description("The contributor, as 'learner:…' or 'evaluator:…'.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionCountType>>>>("contributions").Description("Counted contributions per kind, sorted by kind.").Expect(3).Resolve(ctx => ctx.Source.Counts.OrderBy(c => c.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AwardedBadgeType>>>>("badges").Description("The contributor badges earned, oldest first.").Expect(3).Resolve(ctx => ctx.Source.Badges);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class MentorshipType : ObjectGraphType<Relationship>
{
    public MentorshipType()
    {
        Name = "Mentorship";
        Description = "A mentor or sponsor relationship, recorded on both people so conflict-of-interest rules see it.";
        Field<NonNullGraphType<StringGraphType>>("mentor").Description("The credential holder who mentors or sponsors.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<StringGraphType>>("learner").Description("The learner mentored or sponsored, as 'learner:<id>'.").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<MentorshipKindType>>("kind").Description("MENTOR or SPONSOR.").Resolve(ctx => ctx.Source.Kind == RelationshipKind.Sponsor ? MentorshipKind.Sponsor : MentorshipKind.Mentor);
        Field(x => x.Since, nullable: false).Description("When the mentorship was declared (UTC instant).");
        Field(x => x.Until, nullable: true).Description("When it ended (UTC instant); null while it lasts.");
        Field(x => x.Note, nullable: true).Description("A note on the mentorship; null when none was given.");
        Field(x => x.DeclaredBy, nullable: false).Description("Who declared it: learner:<id> or admin:<key>.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DeclareMentorshipInput
{
    public string LearnerId { get; set; } = string.Empty;
    public MentorshipKind Kind { get; set; }
    public string? Note { get; set; }
    public string? Mentor { get; set; }
}

public sealed class DeclareMentorshipInputType : InputObjectGraphType<DeclareMentorshipInput>
{
    public DeclareMentorshipInputType()
    {
        Name = "DeclareMentorshipInput";
        Description = "A mentorship or sponsorship: the learner mentored and, for admins, the mentor (a credential holder).";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner mentored or sponsored.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<MentorshipKindType>)).Description("MENTOR (counts towards the mentor badge) or SPONSOR.");
        Field(x => x.Note, nullable: true).Description("A note on the mentorship: up to 500 characters.");
        Field(x => x.Mentor, nullable: true).Description("Admins only: the mentor ('learner:<id>'); a learner key mentors as itself.");
    }
}
