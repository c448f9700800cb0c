using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Programs;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Talent;
using GraphQL.Types;

namespace CertGrid.Api.Talent;

public sealed class TalentCompetencyType : ObjectGraphType<TalentCompetency>
{
    public TalentCompetencyType()
    {
        Name = "TalentCompetency";
        Description = "A competency as the holder demonstrated it.";
        Field(x => x.Code, nullable: false).Description("The competency's code in its framework.");
        Field("levelPercent", x => x.Percent, nullable: false).Description("The level reached, as a share of the rubric's maximum (0-100).");
        Field(x => x.Proficiency, nullable: true).Description("The framework's proficiency level that share corresponds to.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TalentCredentialType : ObjectGraphType<TalentCredential>
{
    public TalentCredentialType()
    {
        Name = "TalentCredential";
        Description = "A credential a holder can be found for. When they consented only to some of its competencies, the credential itself is not named (its name, definition and tier are null).";
        Field<StringGraphType>("achievementName").Description("The achievement; null when the holder did not disclose the credential.")
            .Resolve(ctx => ctx.Source.Disclosed ? ctx.Source.AchievementName : null);
        Field<IdGraphType>("credentialDefinitionId").Description("The credential definition (def_…); null when not disclosed.")
            .Resolve(ctx => ctx.Source.Disclosed ? ctx.Source.DefinitionId : null);
        Field<CredentialTierType>("tier").Description("The credential's tier; null when not disclosed.")
            .Resolve(ctx => ctx.Source.Disclosed ? ctx.Source.Tier : (CredentialTier?)null);
        Field(x => x.ValidUntil, nullable: true).Description("When it expires (UTC); null when it never does.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalentCompetencyType>>>>("competencies")
            .Description("The competencies it showed that the holder can be found for, with their levels.").Expect(5).Resolve(ctx => ctx.Source.Competencies);
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>A holder in talent search, as a partner sees them: only what they consented to, behind an opaque handle.</summary>
public sealed record TalentHit(string Handle, TalentMatch Match);

public sealed class TalentHitType : ObjectGraphType<TalentHit>
{
    public TalentHitType()
    {
        Name = "TalentMatch";
        Description = "A holder who consented to be found and matched: only the attributes they chose to show. No email, no internal id.";
        Field(x => x.Handle, nullable: false).Description("An opaque handle to contact the holder with (contactTalent); it names nobody and changes between searches.");
        Field<NonNullGraphType<StringGraphType>>("community").Description("The community that issued their credentials.").Resolve(ctx => ctx.Source.Match.Community);
        Field<StringGraphType>("name").Description("Their name, if they chose to show it.").Resolve(ctx => ctx.Source.Match.Profile.Name);
        Field<StringGraphType>("region").Description("Their region, if they chose to show it.").Resolve(ctx => ctx.Source.Match.Profile.Region);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("Their languages, if they chose to show them.").Expect(2).Resolve(ctx => ctx.Source.Match.Profile.Languages);
        Field<NonNullGraphType<BooleanGraphType>>("canContact").Description("Whether they accept messages through CertGrid (contactTalent).").Resolve(ctx => ctx.Source.Match.Profile.AllowContact);
        Field<NonNullGraphType<IntGraphType>>("score").Description("What they are ranked by: the best level (0-100) of the competency searched for, or of any in a match.").Resolve(ctx => ctx.Source.Match.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalentCredentialType>>>>("credentials").Description("Their consented credentials that matched the search.").Expect(2).Resolve(ctx => ctx.Source.Match.Matching);
        this.AuthorizeOtherFieldsAsParent();
    }
}

/// <summary>One page of a talent search and its counts.</summary>
public sealed record TalentSearchPage(int TotalCount, IReadOnlyList<(string Community, int Count)> Communities, IReadOnlyList<TalentHit> Nodes, string? EndCursor);

public sealed class TalentCommunityCountType : ObjectGraphType<(string Community, int Count)>
{
    public TalentCommunityCountType()
    {
        Name = "TalentCommunityCount";
        Description = "How many holders of one community matched.";
        Field<NonNullGraphType<StringGraphType>>("community").Description("The id of a community that granted you talent search, whose holders the count is of.").Resolve(ctx => ctx.Source.Community);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many of its holders matched.").Resolve(ctx => ctx.Source.Count);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TalentSearchPageType : ObjectGraphType<TalentSearchPage>
{
    public TalentSearchPageType()
    {
        Name = "TalentSearchPage";
        Description = "A page of talent search matches, best first, with how many matched in all and per community.";
        Field(x => x.TotalCount, nullable: false).Description("How many holders matched across the communities that granted you talent:search.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalentCommunityCountType>>>>("communities").Description("Matches per community (communities with none included).").Expect(10).Resolve(ctx => ctx.Source.Communities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalentHitType>>>>("nodes").Description("This page's matches, best first; empty when none.").Expect(1).Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more matches follow.").Resolve(ctx => ctx.Source.EndCursor is not null);
        Field(x => x.EndCursor, nullable: true).Description("Pass as 'after' for the next page; null on the last page.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TalentFilterInput
{
    public string? CredentialDefinitionId { get; set; }
    public string? CompetencyCode { get; set; }
    public int? MinimumLevelPercent { get; set; }
    public CredentialTier? Tier { get; set; }
    public int? ValidForDays { get; set; }
    public string? Language { get; set; }
    public string? Region { get; set; }

    public TalentQuery ToQuery() => TalentQuery.Validate(new TalentQuery(
        CredentialDefinitionId, CompetencyCode, MinimumLevelPercent ?? 0, Tier, ValidForDays ?? 0, Language, Region));
}

public sealed class TalentFilterInputType : InputObjectGraphType<TalentFilterInput>
{
    public TalentFilterInputType()
    {
        Name = "TalentFilterInput";
        Description = "Talent search filters; each left out matches everything.";
        Field(x => x.CredentialDefinitionId, type: typeof(IdGraphType)).Description("Holders of this credential definition (def_…).");
        Field(x => x.CompetencyCode, nullable: true).Description("Holders who demonstrated this competency.");
        Field(x => x.MinimumLevelPercent, nullable: true).Description("With competencyCode: at least this level (0-100); without: any competency in a match at least this level.");
        Field(x => x.Tier, type: typeof(CredentialTierType)).Description("Only credentials of this tier.");
        Field(x => x.ValidForDays, nullable: true).Description("Only active credentials still valid this many days from now (0: valid today, the default).");
        Field(x => x.Language, nullable: true).Description("Holders who show this language (e.g. 'de').");
        Field(x => x.Region, nullable: true).Description("Holders who show this region.");
    }
}
