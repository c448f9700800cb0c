using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Partners;

/// <summary>
/// Walks the whole schema as a partner organisation: the only root fields its key passes are the partner fields (and
/// the public ones anybody may call), and nothing a partner can reach carries an email, a person's internal id,
/// assessment details or reviewers' and admins' notes.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class PartnerSchemaWalkTests(SharedServerFixture server)
{
    private static readonly string[] PartnerFields = ["partnerOrganisation", "talentSearch", "sharedCredential", "contactTalent", "issuePartnerKey", "revokePartnerKey", "partnerEvents", "partnerEvents", "partnerWebhookEndpoints", "registerPartnerWebhookEndpoint", "removePartnerWebhookEndpoint"];

    /// <summary>Field names that would carry what minimisation keeps from partners.</summary>
    private static readonly string[] Forbidden = ["email", "learnerid", "evaluatorid", "attemptid", "appealid", "statusreason", "note", "notes", "reviews", "feedback", "results", "document", "organisation"];

    [Fact]
    public void A_partner_organisation_key_passes_only_the_partner_fields_and_the_public_ones()
    {
        var schema = Schema();
        var partner = Caller.PartnerOrganisation("ptn_abcdefghijkmnpqrstuv", "Walker Ltd", "pky_abcdefghijkmnpqrstuv",
            [new Domain.Partners.PartnerGrant("acme", ["talent:search", "credentials:read"], DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "admin:key_x")]);
        var roots = schema.Query!.Fields.Concat(schema.Mutation!.Fields).Concat(schema.Subscription!.Fields).ToList();
        Assert.True(roots.Count > 150, $"the walk should see every root field; it saw {roots.Count}");

        var admitted = roots.Where(f => f.Access()!.Rule.Before(partner, null) != AccessVerdict.Denied).Select(f => f.Name).ToList();
        var open = roots.Where(f => ReferenceEquals(f.Access()!.Rule, AccessRules.Anyone)).Select(f => f.Name).ToHashSet();

        Assert.Equal(PartnerFields.Order(), admitted.Where(f => !open.Contains(f)).Order());
        Assert.DoesNotContain(open, PartnerFields.Contains);
        Assert.Contains("verifyCredential", open);
    }

    [Fact]
    public void Nothing_a_partner_reaches_carries_emails_ids_of_people_or_assessment_notes()
    {
        var schema = Schema();
        var reached = new HashSet<string>();
        var pending = new Stack<IGraphType>(PartnerFields.Where(f => f is "talentSearch" or "sharedCredential" or "partnerEvents" or "partnerWebhookEndpoints").Select(f => schema.Query!.GetField(f)!.ResolvedType!)
            .Append(schema.Subscription!.GetField("partnerEvents")!.ResolvedType!).Append(schema.Mutation!.GetField("registerPartnerWebhookEndpoint")!.ResolvedType!));
        var seen = new List<string>();
        while (pending.TryPop(out var type))
        {
            var named = type.GetNamedType();
            if (named is not IObjectGraphType objectType || !reached.Add(objectType.Name))
            {
                continue;
            }

            foreach (var field in objectType.Fields)
            {
                seen.Add($"{objectType.Name}.{field.Name}");
                pending.Push(field.ResolvedType!);
            }
        }

        Assert.Contains("TalentMatch.handle", seen);
        Assert.Contains("SharedCredential.jwt", seen);
        Assert.Contains("PartnerEvent.credentialId", seen);
        var leaks = seen.Where(f => Forbidden.Any(word => f.Split('.')[1].Contains(word, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, $"Partner-facing fields that carry what partners must not see: {string.Join(", ", leaks)}");
    }

    private CertGridSchema Schema()
    {
        var schema = server.Cluster.Nodes[0].Services.GetRequiredService<CertGridSchema>();
        schema.Initialize();
        return schema;
    }
}
