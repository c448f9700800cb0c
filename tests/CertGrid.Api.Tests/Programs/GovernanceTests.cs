using CertGrid.Abstractions.Governance;
using CertGrid.Grains.Governance;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 2: the steering committee. Changes to frameworks, credential definitions (rubrics and policies) and
/// pathways need a quorum of members who did not propose them; every role that tries to get around it fails;
/// every decision is in the audit trail; a daily reminder tells the committee about reviews and terms.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class GovernanceTests(ProgramServerFixture server)
{
    private const string Vote = "mutation($id: ID!, $approve: Boolean!) { voteOnProposal(proposalId: $id, approve: $approve, comment: \"Reviewed.\") { status approvals rejections } }";
    private const string Publish = "mutation($id: ID!) { publishFramework(id: $id) { version status versions { version status } } }";

    [Fact]
    public async Task No_role_can_publish_a_framework_version_without_a_quorum_of_other_committee_members()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var (a, b, c, outsider) = (await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync());
        var e = await program.AddEvaluatorAsync();
        var partner = await program.Community.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        await Configure(program, quorum: 2);
        foreach (var person in new[] { $"learner:{a.Id}", $"learner:{b.Id}", $"learner:{c.Id}", $"evaluator:{e.Id}" })
        {
            await Appoint(program, person, server.Today.AddDays(-10), server.Today.AddDays(365));
        }

        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")), publish: false);

        // The admin cannot publish a draft, nor approve or vote on anything.
        var refused = await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Publish, new { id = frameworkId }, program.AdminKey);
        Assert.Contains("steering committee", refused.GetProperty("message").GetString());

        // A committee member proposes; the electorate is the rest of the committee in office.
        var proposed = (await program.GraphQl.DataAsync("mutation($id: ID!) { proposeFrameworkVersion(id: $id, note: \"First version.\") { versions { status proposalId } } }",
            new { id = frameworkId }, a.Key)).GetProperty("proposeFrameworkVersion").GetProperty("versions")[0];
        Assert.Equal("PROPOSED", proposed.GetProperty("status").GetString());
        var proposalId = proposed.GetProperty("proposalId").GetString()!;
        var proposal = (await program.AdminAsync("query($id: ID!) { proposal(id: $id) { quorum electorate proposerPerson status } }", new { id = proposalId })).GetProperty("proposal");
        Assert.Equal(2, proposal.GetProperty("quorum").GetInt32());
        Assert.Equal(new[] { $"learner:{b.Id}", $"learner:{c.Id}", $"evaluator:{e.Id}" }.Order(), proposal.GetProperty("electorate").EnumerateArray().Select(p => p.GetString()!).Order());
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Publish, new { id = frameworkId }, program.AdminKey);

        // Nobody outside the rules gets a vote counted.
        Assert.Contains("proposed", (await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, a.Key)).GetProperty("message").GetString());
        await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, program.AdminKey);
        await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, partner);
        await program.GraphQl.ErrorAsync("FORBIDDEN", "{ proposals { id } }", key: partner);
        await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, outsider.Key);
        await program.GraphQl.ErrorAsync("UNAUTHENTICATED", Vote, new { id = proposalId, approve = true });
        var late = await program.EnrolAsync();
        await Appoint(program, $"learner:{late.Id}", server.Today, server.Today.AddDays(365));
        Assert.Contains("after this proposal", (await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, late.Key)).GetProperty("message").GetString());

        // A double vote counts once.
        var first = (await program.GraphQl.DataAsync(Vote, new { id = proposalId, approve = true }, b.Key)).GetProperty("voteOnProposal");
        Assert.Equal(("OPEN", 1), (first.GetProperty("status").GetString(), first.GetProperty("approvals").GetInt32()));
        await program.GraphQl.ErrorAsync("CONFLICT", Vote, new { id = proposalId, approve = true }, b.Key);
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Publish, new { id = frameworkId }, program.AdminKey);

        // A member whose term ended cannot vote.
        var seatOfC = (await program.AdminAsync("{ governance { committee { id person } } }")).GetProperty("governance").GetProperty("committee").EnumerateArray()
            .Single(s => s.GetProperty("person").GetString() == $"learner:{c.Id}").GetProperty("id").GetString();
        await program.AdminAsync("mutation($id: ID!) { endCommitteeTerm(seatId: $id, reason: \"Stepped down.\") { endedEarlyOn } }", new { id = seatOfC });
        await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposalId, approve = true }, c.Key);

        // The second eligible approval reaches the quorum; only now can the admin publish.
        var decided = (await program.GraphQl.DataAsync(Vote, new { id = proposalId, approve = true }, e.Key)).GetProperty("voteOnProposal");
        Assert.Equal(("APPROVED", 2), (decided.GetProperty("status").GetString(), decided.GetProperty("approvals").GetInt32()));
        var approved = (await program.AdminAsync("query($id: ID!) { framework(id: $id) { versions { status } } }", new { id = frameworkId })).GetProperty("framework");
        Assert.Equal("APPROVED", approved.GetProperty("versions")[0].GetProperty("status").GetString());
        var published = (await program.AdminAsync(Publish, new { id = frameworkId })).GetProperty("publishFramework");
        Assert.Equal(("1.0.0", "PUBLISHED"), (published.GetProperty("version").GetString(), published.GetProperty("status").GetString()));

        // Every decision is in the audit trail, with who made it.
        var audit = await program.AuditAsync();
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "governance.enabled");
        Assert.Equal(5, audit.Count(x => x.GetProperty("action").GetString() == "committee.member-appointed"));
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "committee.term-ended-early");
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "proposal.opened" && x.GetProperty("actor").GetString() == $"learner:{a.Id}");
        Assert.Equal(new[] { $"learner:{b.Id}", $"evaluator:{e.Id}" }, audit.Where(x => x.GetProperty("action").GetString() == "proposal.vote-cast").Select(x => x.GetProperty("actor").GetString()!));
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "proposal.approved" && x.GetProperty("subject").GetString() == proposalId);
        var publication = audit.Single(x => x.GetProperty("action").GetString() == "framework.published");
        Assert.Contains(proposalId, publication.GetProperty("details").GetString());
    }

    [Fact]
    public async Task A_credential_is_published_only_as_approved_and_a_rejected_version_goes_back_to_draft()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var members = new[] { await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync() };
        await Configure(program, quorum: 2);
        foreach (var member in members)
        {
            await Appoint(program, $"learner:{member.Id}", server.Today, server.Today.AddDays(200));
        }

        var input = ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1"));
        var credentialId = await program.CredentialAsync(input, publish: false);
        const string PublishCredential = "mutation($id: ID!) { publishCredential(id: $id) { status frameworkVersion policy { sections { key } } } }";
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", PublishCredential, new { id = credentialId }, program.AdminKey);

        // Approved as it stood, then changed: the change needs its own approval.
        var first = await ProposeCredential(program, credentialId);
        await program.GraphQl.DataAsync(Vote, new { id = first, approve = true }, members[0].Key);
        await program.GraphQl.DataAsync(Vote, new { id = first, approve = true }, members[1].Key);
        input["id"] = credentialId;
        input["passThresholdPercent"] = 50;
        await program.AdminAsync("mutation($input: DefineCredentialInput!) { defineCredential(input: $input) { id } }", new { input });
        Assert.Contains("propose", (await program.GraphQl.ErrorAsync("POLICY_VIOLATION", PublishCredential, new { id = credentialId }, program.AdminKey)).GetProperty("message").GetString());
        var second = await ProposeCredential(program, credentialId);
        await program.GraphQl.DataAsync(Vote, new { id = second, approve = true }, members[1].Key);
        await program.GraphQl.DataAsync(Vote, new { id = second, approve = true }, members[2].Key);
        var published = (await program.AdminAsync(PublishCredential, new { id = credentialId })).GetProperty("publishCredential");
        Assert.Equal("PUBLISHED", published.GetProperty("status").GetString());
        Assert.Contains(second, (await program.AuditAsync()).Single(x => x.GetProperty("action").GetString() == "credential.published").GetProperty("details").GetString());

        // A framework revision the committee rejects is a draft again and can be reworked.
        await program.AdminAsync("mutation($id: ID!, $input: DefineFrameworkInput!) { reviseFramework(id: $id, input: $input) { version } }",
            new { id = frameworkId, input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")) });
        var proposal = (await program.AdminAsync("mutation($id: ID!) { proposeFrameworkVersion(id: $id) { versions { version proposalId } } }", new { id = frameworkId }))
            .GetProperty("proposeFrameworkVersion").GetProperty("versions")[1].GetProperty("proposalId").GetString();
        await program.GraphQl.DataAsync(Vote, new { id = proposal, approve = false }, members[0].Key);
        var rejected = (await program.GraphQl.DataAsync(Vote, new { id = proposal, approve = false }, members[1].Key)).GetProperty("voteOnProposal");
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        var draft = (await program.AdminAsync("query($id: ID!) { framework(id: $id) { versions { version status } } }", new { id = frameworkId })).GetProperty("framework").GetProperty("versions")[1];
        Assert.Equal(("2.0.0", "DRAFT"), (draft.GetProperty("version").GetString(), draft.GetProperty("status").GetString()));
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Publish, new { id = frameworkId }, program.AdminKey);
        await program.AdminAsync("mutation($id: ID!, $input: DefineFrameworkInput!) { reviseFramework(id: $id, input: $input) { version } }",
            new { id = frameworkId, input = ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE"), ProgramScenario.Competency("CAP-1", domain: "CORE")) });
        Assert.Contains((await program.AuditAsync()), x => x.GetProperty("action").GetString() == "proposal.rejected");
    }

    [Fact]
    public async Task A_pathway_starts_awarding_only_as_the_committee_approved_it()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"), ProgramScenario.Competency("INC-1", domain: "CORE")));
        var micro = new[]
        {
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1"))),
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "INC-1"))),
        };
        var target = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "ADVANCED", ("C1", "OBS-1"), ("C2", "INC-1")));
        var members = new[] { await program.EnrolAsync(), await program.EnrolAsync() };
        await Configure(program, quorum: 1);
        foreach (var member in members)
        {
            await Appoint(program, $"learner:{member.Id}", server.Today, server.Today.AddDays(200));
        }

        const string Define = "mutation($input: DefinePathwayInput!) { definePathway(input: $input) { id } }";
        const string Activate = "mutation($id: ID!) { activatePathway(id: $id) { status } }";
        var pathwayId = (await program.AdminAsync(Define, new { input = new { name = "Steps", targetCredentialId = target, componentCredentialIds = micro } }))
            .GetProperty("definePathway").GetProperty("id").GetString();
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Activate, new { id = pathwayId }, program.AdminKey);

        // Proposed by one member, approved by the other; edited afterwards, it needs approving again.
        var proposal = (await program.GraphQl.DataAsync("mutation($id: ID!) { proposePathway(id: $id) { id } }", new { id = pathwayId }, members[0].Key))
            .GetProperty("proposePathway").GetProperty("id").GetString();
        await program.GraphQl.ErrorAsync("FORBIDDEN", Vote, new { id = proposal, approve = true }, members[0].Key);
        await program.GraphQl.DataAsync(Vote, new { id = proposal, approve = true }, members[1].Key);
        await program.AdminAsync(Define, new { input = new { id = pathwayId, name = "Steps, renamed", targetCredentialId = target, componentCredentialIds = micro } });
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Activate, new { id = pathwayId }, program.AdminKey);
        var again = (await program.AdminAsync("mutation($id: ID!) { proposePathway(id: $id) { id } }", new { id = pathwayId })).GetProperty("proposePathway").GetProperty("id").GetString();
        await program.GraphQl.DataAsync(Vote, new { id = again, approve = true }, members[0].Key);
        Assert.Equal("ACTIVE", (await program.AdminAsync(Activate, new { id = pathwayId })).GetProperty("activatePathway").GetProperty("status").GetString());
        Assert.Contains(again!, (await program.AuditAsync()).Single(x => x.GetProperty("action").GetString() == "pathway.activated").GetProperty("details").GetString());
    }

    [Fact]
    public async Task The_quorum_of_an_open_proposal_is_fixed_and_governance_stays_on()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var members = new[] { await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync() };
        await Configure(program, quorum: 2);
        foreach (var member in members)
        {
            await Appoint(program, $"learner:{member.Id}", server.Today, server.Today.AddDays(200));
        }

        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")), publish: false);
        var proposalId = (await program.AdminAsync("mutation($id: ID!) { proposeFrameworkVersion(id: $id) { versions { proposalId } } }", new { id = frameworkId }))
            .GetProperty("proposeFrameworkVersion").GetProperty("versions")[0].GetProperty("proposalId").GetString();

        // Lowering the quorum afterwards does not lower it for the proposal on the table; governance is still on.
        var settings = (await program.AdminAsync("mutation { configureGovernance(input: { quorum: 1 }) { enabled quorum } }")).GetProperty("configureGovernance");
        Assert.Equal((true, 1), (settings.GetProperty("enabled").GetBoolean(), settings.GetProperty("quorum").GetInt32()));
        var afterOne = (await program.GraphQl.DataAsync(Vote, new { id = proposalId, approve = true }, members[0].Key)).GetProperty("voteOnProposal");
        Assert.Equal("OPEN", afterOne.GetProperty("status").GetString());
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", Publish, new { id = frameworkId }, program.AdminKey);

        // A quorum the committee cannot reach is refused when proposing.
        await program.AdminAsync("mutation { configureGovernance(input: { quorum: 5 }) { quorum } }");
        var other = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("INC-1", domain: "CORE")), publish: false);
        Assert.Contains("quorum", (await program.GraphQl.ErrorAsync("POLICY_VIOLATION", "mutation($id: ID!) { proposeFrameworkVersion(id: $id) { version } }", new { id = other }, program.AdminKey))
            .GetProperty("message").GetString());
        await program.GraphQl.ErrorAsync("FORBIDDEN", "mutation { configureGovernance(input: { quorum: 1 }) { quorum } }", key: members[0].Key);
        await program.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!) { proposeFrameworkVersion(id: $id) { version } }", new { id = other }, (await program.EnrolAsync()).Key);
    }

    [Fact]
    public async Task One_reminder_per_community_tells_the_committee_when_reviews_are_due_and_terms_end()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworks = new[]
        {
            await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE"))),
            await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("INC-1", domain: "CORE"))),
        };
        var (leaving, staying) = (await program.EnrolAsync(), await program.EnrolAsync());
        await program.AdminAsync("mutation { configureGovernance(input: { quorum: 1, termWarningDays: 30 }) { enabled } }");
        await Appoint(program, $"learner:{leaving.Id}", server.Today.AddDays(-100), server.Today.AddDays(20));
        await Appoint(program, $"learner:{staying.Id}", server.Today.AddDays(-100), server.Today.AddDays(400));
        foreach (var id in frameworks)
        {
            await program.AdminAsync("mutation($id: ID!) { setFrameworkReviewCadence(id: $id, days: 30) { reviewCadenceDays } }", new { id });
        }

        // One reminder for the community's governance grain, however many frameworks and terms it watches.
        var governance = server.Grains.GetGrain<IGovernanceGrain>(program.Id);
        var reminders = server.Cluster.Nodes[0].Services.GetRequiredService<IReminderTable>();
        Assert.NotNull(await reminders.ReadRow(governance.GetGrainId(), GovernanceGrain.ReminderName));
        Assert.Single((await reminders.ReadRows(governance.GetGrainId())).Reminders);

        // The reminder's check, run now: a term ends within 30 days; no review is due yet.
        var now = await governance.RunScheduledChecksAsync();
        Assert.Equal(["term-ending"], now.Select(n => n.Kind));

        // A month later: both reviews are due and the term has ended; running again raises nothing twice.
        server.Clock.Advance(TimeSpan.FromDays(31));
        var later = await governance.RunScheduledChecksAsync();
        Assert.Equal(["review-due", "review-due", "term-ended"], later.Select(n => n.Kind).Order());
        Assert.Empty(await governance.RunScheduledChecksAsync());
        var notices = (await program.GraphQl.DataAsync("{ governanceNotices { kind subject message } governance { lastCheckedAt reviews { frameworkId dueOn } } }", key: staying.Key));
        Assert.Equal(4, notices.GetProperty("governanceNotices").GetArrayLength());

        // A committee member records the review; the next one is due a cadence later. A former member cannot.
        await program.GraphQl.ErrorAsync("FORBIDDEN", "mutation($id: ID!) { completeFrameworkReview(frameworkId: $id, summary: \"x\") { dueOn } }", new { id = frameworks[0] }, leaving.Key);
        var next = (await program.GraphQl.DataAsync("mutation($id: ID!) { completeFrameworkReview(frameworkId: $id, summary: \"Still fit for purpose; two outcomes to reword next year.\") { dueOn lastReviewedOn } }",
            new { id = frameworks[0] }, staying.Key)).GetProperty("completeFrameworkReview");
        Assert.Equal(server.Today.AddDays(30), DateOnly.Parse(next.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var audit = await program.AuditAsync();
        Assert.Equal(2, audit.Count(x => x.GetProperty("action").GetString() == "governance.review-due"));
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "governance.term-ending");
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "governance.term-ended");
        Assert.Contains(audit, x => x.GetProperty("action").GetString() == "governance.review-completed" && x.GetProperty("actor").GetString() == $"learner:{staying.Id}");
    }

    private static Task<JsonElement> Configure(ProgramScenario program, int quorum) =>
        program.AdminAsync("mutation($q: Int!) { configureGovernance(input: { quorum: $q }) { enabled } }", new { q = quorum });

    private static async Task<string> Appoint(ProgramScenario program, string person, DateOnly startsOn, DateOnly endsOn) =>
        (await program.AdminAsync("mutation($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { id } }",
            new { input = new { person, startsOn = startsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), endsOn = endsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } }))
            .GetProperty("appointCommitteeMember").GetProperty("id").GetString()!;

    private static async Task<string> ProposeCredential(ProgramScenario program, string credentialId) =>
        (await program.AdminAsync("mutation($id: ID!) { proposeCredential(id: $id) { id status } }", new { id = credentialId })).GetProperty("proposeCredential").GetProperty("id").GetString()!;
}
