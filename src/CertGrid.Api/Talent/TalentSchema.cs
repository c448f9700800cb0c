using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Talent;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Partners;
using CertGrid.Api.Retries;
using CertGrid.Domain.Access;
using CertGrid.Domain.Talent;
using GraphQL;
using GraphQL.Types;

namespace CertGrid.Api.Talent;

/// <summary>
/// Talent search for partner organisations: over the talent read models of the communities that granted the partner
/// talent:search (one call per community, never per learner), only holders who consented, and contact through CertGrid.
/// </summary>
public sealed class TalentSchema : ISchemaContributor
{
    public const int MaxPageSize = 50;
    public const int MaxDepth = 1000;
    public const int MaxMessageLength = 2000;

    public void AddQueries(RootQuery query) =>
        query.Field<NonNullGraphType<TalentSearchPageType>>("talentSearch")
            .Description("Holders who consented to be found, across the communities that granted you talent:search, best first (partner organisation key). "
                + "Without such a grant the answer is empty. Every holder on a page is logged for them to see.")
            .Authorize(AccessRules.PartnerOrganisations)
            .Argument<TalentFilterInputType>("filter", "What to search for; left out: every consenting holder.")
            .Argument<IntGraphType>("first", $"How many matches (1-{MaxPageSize}, default 10).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async ctx =>
            {
                var search = (ctx.GetArgument<TalentFilterInput?>("filter") ?? new TalentFilterInput()).ToQuery();
                var first = InputRules.RequireRange(ctx.GetArgument<int?>("first") ?? 10, "first", 1, MaxPageSize);
                var offset = Offset(ctx.GetArgument<string?>("after"));
                var communities = ctx.CommunitiesGranting(PartnerScopes.SearchTalent);
                var answers = await Task.WhenAll(communities.Select(c => ctx.Grains().GetGrain<ITalentIndexGrain>(c).SearchAsync(search, offset + first)));
                var merged = answers.SelectMany(a => a.Top).Order(TalentSearch.Ranking).ToList();
                var page = merged.Skip(offset).Take(first).ToList();
                var total = answers.Sum(a => a.Total);
                await LogAsync(ctx, page, search);
                var handles = ctx.Service<TalentHandles>();
                return new TalentSearchPage(
                    total,
                    communities.Select((c, i) => (c, answers[i].Total)).ToList(),
                    page.Select(m => new TalentHit(handles.For(m.Community, m.Profile.LearnerId), m)).ToList(),
                    offset + first < Math.Min(total, MaxDepth) ? Cursor(offset + first) : null);
            });

    public void AddMutations(RootMutation mutation) =>
        mutation.Field<NonNullGraphType<BooleanGraphType>>("contactTalent")
            .Description("Sends a holder found in talent search a message through CertGrid; they read it in partnerMessages, and you never see their email (partner organisation key). "
                + "NOT_FOUND when the handle is unknown, the holder does not accept contact (any more), or your talent:search grant of their community is gone.")
            .Authorize(AccessRules.PartnerOrganisations)
            .SafeToRunAgain()
            .Argument<NonNullGraphType<StringGraphType>>("handle", "The handle of a talentSearch match.")
            .Argument<NonNullGraphType<StringGraphType>>("message", $"Your message (1-{MaxMessageLength} characters), signed with your organisation's name.")
            .ResolveAsync(async ctx =>
            {
                var message = InputRules.RequireText(ctx.GetArgument<string>("message"), "message", MaxMessageLength);
                var (community, learnerId) = ctx.Service<TalentHandles>().Open(InputRules.RequireText(ctx.GetArgument<string>("handle"), "handle", 1000));
                if (!ctx.Reaches(community, PartnerScopes.SearchTalent) || !await ctx.Grains().LearnerConsents(community, learnerId).AcceptsContactAsync())
                {
                    throw CertGridException.NotFound("Talent", "handle");
                }

                var caller = ctx.Caller();
                await ctx.Grains().GetGrain<IPartnerAccessLogGrain>(community).RecordMessageAsync(
                    new PartnerAccessEntry(learnerId, caller.SubjectId!, caller.PartnerName!, PartnerAccessKind.SentMessage, message, ctx.DomainNow()));
                return true;
            });

    /// <summary>Every holder on the page is logged for them before the page is returned.</summary>
    private static Task LogAsync(IResolveFieldContext ctx, IReadOnlyList<TalentMatch> page, TalentQuery search)
    {
        var caller = ctx.Caller();
        var now = ctx.DomainNow();
        var detail = $"Talent search: {search}";
        return Task.WhenAll(page.GroupBy(m => m.Community).Select(g => ctx.Grains().GetGrain<IPartnerAccessLogGrain>(g.Key).RecordAsync(
            g.Select(m => new PartnerAccessEntry(m.Profile.LearnerId, caller.SubjectId!, caller.PartnerName!, PartnerAccessKind.SawInTalentSearch, detail, now)).ToList())));
    }

    private static string Cursor(int offset) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string? after)
    {
        if (after is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(after));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < MaxDepth)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw CertGridException.Invalid("after", "'after' is not a cursor this search returned.");
    }
}
