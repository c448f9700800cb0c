namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 7: credential holders mentor and sponsor learners (recorded as relationships on both people, so
/// conflict-of-interest rules see them), and mentor, evaluator and curator badges are awarded as micro-credentials
/// once the community's thresholds are met — automatically and audited.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class MentorshipTests(ProgramServerFixture server)
{
    private const string Declare = "mutation($input: DeclareMentorshipInput!) { declareMentorship(input: $input) { mentor learner kind since } }";
    private const string Confirm = "mutation($mentor: String!) { confirmMentorship(mentor: $mentor) { mentor learner kind } }";

    [Fact]
    public async Task Holders_mentor_and_sponsor_learners_and_contributors_earn_badges_at_the_communitys_thresholds()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var badgeHolder = await program.EnrolAsync();
        var linked = await program.AddEvaluatorAsync(linkedLearnerId: badgeHolder.Id);
        var unlinked = await program.AddEvaluatorAsync();
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var incidents = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "INC-1")));
        var badges = new Dictionary<string, string>();
        foreach (var kind in new[] { "MENTORING", "EVALUATING", "CURATING" })
        {
            var input = ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1"));
            input["name"] = $"{kind} badge";
            badges[kind] = await program.CredentialAsync(input);
        }

        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($b: [BadgeRuleInput!]!) { setRecognitionPolicy(badges: $b) { kind } }",
            new { b = new[] { new { kind = "MENTORING", credentialId = foundations, threshold = 2 } } }, program.AdminKey);
        await program.AdminAsync("mutation($b: [BadgeRuleInput!]!) { setRecognitionPolicy(badges: $b) { kind threshold } }", new
        {
            b = new[]
            {
                new { kind = "MENTORING", credentialId = badges["MENTORING"], threshold = 2 },
                new { kind = "EVALUATING", credentialId = badges["EVALUATING"], threshold = 2 },
                new { kind = "CURATING", credentialId = badges["CURATING"], threshold = 1 },
            },
        });

        // A holder earns two credentials; both evaluators review both attempts and reach the evaluator threshold.
        var holder = await program.EnrolAsync();
        await program.EarnAsync(holder.Key, foundations, "C1");
        await program.EarnAsync(holder.Key, incidents, "C1");
        var evaluator = (await program.GraphQl.DataAsync("{ contributor { person contributions { kind count } badges { kind credentialId note } } }", key: linked.Key)).GetProperty("contributor");
        Assert.Equal(2, evaluator.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "EVALUATING").GetProperty("count").GetInt32());
        var evaluatorBadge = Assert.Single(evaluator.GetProperty("badges").EnumerateArray());
        var evaluatorCredential = evaluatorBadge.GetProperty("credentialId").GetString()!;
        var issuedBadge = await program.IssuedAsync(evaluatorCredential);
        Assert.Equal(("recognition:Evaluating", badges["EVALUATING"]), (issuedBadge.GetProperty("awardedThrough").GetString(), issuedBadge.GetProperty("credentialDefinitionId").GetString()));
        Assert.Contains(await HeldAsync(program, badgeHolder.Id), c => c == badges["EVALUATING"]);
        var owed = (await program.AdminAsync("query($p: String) { contributor(person: $p) { badges { credentialId note } } }", new { p = $"evaluator:{unlinked.Id}" })).GetProperty("contributor");
        Assert.Equal(JsonValueKind.Null, Assert.Single(owed.GetProperty("badges").EnumerateArray()).GetProperty("credentialId").ValueKind);

        // Only a credential holder mentors; the relationship lands on both people; a repeat counts once.
        var (first, second, third) = (await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync());
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Declare, new { input = new { learnerId = second.Id, kind = "MENTOR" } }, first.Key);
        await program.GraphQl.ErrorAsync("FORBIDDEN", Declare, new { input = new { learnerId = second.Id, kind = "MENTOR" } }, linked.Key);
        var declared = (await program.GraphQl.DataAsync(Declare, new { input = new { learnerId = first.Id, kind = "MENTOR", note = "Weekly pairing." } }, holder.Key)).GetProperty("declareMentorship");
        Assert.Equal(($"learner:{holder.Id}", $"learner:{first.Id}", "MENTOR"), (declared.GetProperty("mentor").GetString(), declared.GetProperty("learner").GetString(), declared.GetProperty("kind").GetString()));
        await program.GraphQl.DataAsync(Declare, new { input = new { learnerId = first.Id, kind = "MENTOR" } }, holder.Key);
        Assert.Empty((await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray());
        await program.AdminAsync(Declare, new { input = new { learnerId = third.Id, kind = "SPONSOR", mentor = $"learner:{holder.Id}" } });
        Assert.Empty((await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray());
        await program.GraphQl.DataAsync(Declare, new { input = new { learnerId = second.Id, kind = "MENTOR" } }, holder.Key);

        // Issue 15.4: mentoring counts (badge and continuing-education credits) once the mentee confirms it, and only a
        // mentee the holder declared can.
        Assert.Empty((await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray());
        Assert.Equal(0, await MentoringCreditsAsync(program, holder.Id));
        await program.GraphQl.ErrorAsync("NOT_FOUND", Confirm, new { mentor = $"learner:{holder.Id}" }, third.Key);
        await program.GraphQl.DataAsync(Confirm, new { mentor = $"learner:{holder.Id}" }, first.Key);
        await program.GraphQl.DataAsync(Confirm, new { mentor = $"learner:{holder.Id}" }, first.Key);
        Assert.Empty((await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray());
        await program.GraphQl.DataAsync(Confirm, new { mentor = $"learner:{holder.Id}" }, second.Key);
        var mentorBadge = Assert.Single((await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray());
        Assert.Equal("MENTORING", mentorBadge.GetProperty("kind").GetString());
        Assert.Contains(await HeldAsync(program, holder.Id), c => c == badges["MENTORING"]);
        Assert.Equal(2, await MentoringCreditsAsync(program, holder.Id));

        var mentee = (await program.AdminAsync("query($p: String) { mentorships(person: $p) { mentor learner kind } }", new { p = $"learner:{first.Id}" })).GetProperty("mentorships");
        Assert.Equal($"learner:{holder.Id}", Assert.Single(mentee.EnumerateArray()).GetProperty("mentor").GetString());
        var own = (await program.GraphQl.DataAsync("{ mentorships { learner kind } }", key: holder.Key)).GetProperty("mentorships");
        Assert.Equal(["MENTOR", "MENTOR", "SPONSOR"], own.EnumerateArray().Select(m => m.GetProperty("kind").GetString()).Order());
        await program.GraphQl.ErrorAsync("FORBIDDEN", "query($p: String) { mentorships(person: $p) { kind } }", new { p = $"learner:{holder.Id}" }, first.Key);

        // Curating one resource earns the curator badge once an admin confirms it (issue 15.4: publishing alone counts nothing).
        var curated = (await program.GraphQl.DataAsync("mutation($input: CurateResourceInput!) { curateResource(input: $input) { resource { id published } } }",
            new { input = new { title = "Writing good SLOs", url = "https://example.org/slos", competencyCodes = new[] { "OBS-1" } } }, holder.Key))
            .GetProperty("curateResource").GetProperty("resource").GetProperty("id").GetString();
        Assert.Equal(["MENTORING"], (await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("kind").GetString()));
        const string ConfirmCuration = "mutation($r: ID!) { confirmCuration(resourceId: $r) { id } }";
        await program.GraphQl.ErrorAsync("FORBIDDEN", ConfirmCuration, new { r = curated }, holder.Key);
        await program.GraphQl.ErrorAsync("NOT_FOUND", ConfirmCuration, new { r = "res_" + new string('z', 20) }, program.AdminKey);
        await program.AdminAsync(ConfirmCuration, new { r = curated });
        await program.AdminAsync(ConfirmCuration, new { r = curated });
        Assert.Single((await ContributorAsync(program, holder.Key)).GetProperty("contributions").EnumerateArray(), c => c.GetProperty("kind").GetString() == "CURATING" && c.GetProperty("count").GetInt32() == 1);
        Assert.Equal(["CURATING", "MENTORING"], (await ContributorAsync(program, holder.Key)).GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("kind").GetString()).Order());

        var audit = await program.AuditAsync();
        Assert.Equal(3, audit.Count(x => x.GetProperty("action").GetString() == "recognition.badge-awarded"));
        Assert.Single(audit, x => x.GetProperty("action").GetString() == "recognition.badge-owed");
        Assert.Equal(3, audit.Count(x => x.GetProperty("action").GetString() == "relationship.declared"));
    }

    [Fact]
    public async Task Nobody_is_mentored_who_is_not_a_learner_of_the_community_and_mentoring_nobody_counts_for_nothing()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl);
        var other = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")));
        var foundations = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var holder = await program.EnrolAsync();
        var stranger = await other.EnrolAsync();
        var evaluator = await program.AddEvaluatorAsync();
        await program.EarnAsync(holder.Key, foundations, "C1");

        var missing = await program.GraphQl.ErrorAsync("VALIDATION_FAILED", Declare, new { input = new { learnerId = "lrn_" + new string('z', 20), kind = "MENTOR" } }, holder.Key);
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", Declare, new { input = new { learnerId = stranger.Id, kind = "MENTOR" } }, holder.Key);
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($o: String!) { declareRelationship(otherPerson: $o, kind: COLLEAGUE) { kind } }",
            new { o = $"learner:{stranger.Id}" }, holder.Key);
        await program.GraphQl.ErrorAsync("VALIDATION_FAILED", "mutation($p: String, $o: String!) { declareRelationship(person: $p, otherPerson: $o, kind: COLLEAGUE) { kind } }",
            new { p = "evaluator:evl_" + new string('z', 20), o = $"evaluator:{evaluator.Id}" }, program.AdminKey);

        Assert.Contains("is not a learner or evaluator of this community", missing.GetProperty("message").GetString());
        Assert.Empty((await program.GraphQl.DataAsync("{ mentorships { learner } }", key: holder.Key)).GetProperty("mentorships").EnumerateArray());
        var counted = (await ContributorAsync(program, holder.Key)).GetProperty("contributions").EnumerateArray();
        Assert.DoesNotContain(counted, c => c.GetProperty("kind").GetString() == "MENTORING" && c.GetProperty("count").GetInt32() > 0);
    }

    private static async Task<JsonElement> ContributorAsync(ProgramScenario program, string key) =>
        (await program.GraphQl.DataAsync("{ contributor { contributions { kind count } badges { kind credentialId } } }", key: key)).GetProperty("contributor");

    private static async Task<int> MentoringCreditsAsync(ProgramScenario program, string learnerId) =>
        (await program.AdminAsync("query($l: ID!) { ceActivities(learnerId: $l) { kind } }", new { l = learnerId }))
            .GetProperty("ceActivities").EnumerateArray().Count(a => a.GetProperty("kind").GetString() == "MENTORING");

    private static async Task<IReadOnlyList<string>> HeldAsync(ProgramScenario program, string learnerId) =>
        (await program.AdminAsync("query($l: ID!) { credentials(learnerId: $l, first: 100) { nodes { credentialDefinitionId } } }", new { l = learnerId }))
            .GetProperty("credentials").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("credentialDefinitionId").GetString()!).ToList();
}
