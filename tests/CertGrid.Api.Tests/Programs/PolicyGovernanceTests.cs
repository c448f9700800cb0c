namespace CertGrid.Api.Tests.Programs;

/// <summary>
/// Item 2, policies: with a steering committee, the assessment and lifespan policies of a published credential and
/// the contributor badges change only to exactly what a quorum approved; no role sets them otherwise. A draft's
/// policies are approved with the draft. Without a committee, admins set them directly.
/// </summary>
[Collection(ProgramServerGroup.Name)]
public sealed class PolicyGovernanceTests(ProgramServerFixture server)
{
    private const string Vote = "mutation($id: ID!) { voteOnProposal(proposalId: $id, approve: true) { status } }";
    private const string SetAssessment = "mutation($id: ID!, $input: AssessmentPolicyInput!) { setAssessmentPolicy(credentialId: $id, input: $input) { appealWindowDays } }";
    private const string ProposeAssessment = "mutation($id: ID!, $input: AssessmentPolicyInput!) { proposeAssessmentPolicy(credentialId: $id, input: $input, note: \"Shorter appeals.\") { id kind status content } }";
    private const string SetLifespan = "mutation($id: ID!, $input: LifespanPolicyInput!) { setLifespanPolicy(credentialDefinitionId: $id, input: $input) { graceDays } }";
    private const string ProposeLifespan = "mutation($id: ID!, $input: LifespanPolicyInput!) { proposeLifespanPolicy(credentialDefinitionId: $id, input: $input) { id kind } }";
    private const string SetBadges = "mutation($b: [BadgeRuleInput!]!) { setRecognitionPolicy(badges: $b) { kind threshold } }";
    private const string ProposeBadges = "mutation($b: [BadgeRuleInput!]!) { proposeRecognitionPolicy(badges: $b) { id kind subjectId } }";
    private const string PublishCredential = "mutation($id: ID!) { publishCredential(id: $id) { status policy { sections { key lines } } } }";

    [Fact]
    public async Task A_published_credentials_policies_and_the_badges_change_only_as_a_quorum_approved_them()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")));
        var credential = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var (mentorBadge, curatorBadge) = (await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1"))),
            await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1"))));
        var members = new[] { await program.EnrolAsync(), await program.EnrolAsync(), await program.EnrolAsync() };
        var (learner, evaluator) = (await program.EnrolAsync(), await program.AddEvaluatorAsync());
        var partner = await program.Community.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        await program.AdminAsync("mutation { configureGovernance(input: { quorum: 2 }) { enabled } }");
        foreach (var member in members)
        {
            await program.AdminAsync("mutation($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { id } }",
                new { input = new { person = $"learner:{member.Id}", startsOn = Day(0), endsOn = Day(300) } });
        }

        var shorterAppeals = new { appealWindowDays = 14 };
        var noAppeals = new { appealWindowDays = 7, blindReview = true };
        var lifespan = Lifespan(20m);
        var badges = new[] { new { kind = "MENTORING", credentialId = mentorBadge, threshold = 2 }, new { kind = "CURATING", credentialId = curatorBadge, threshold = 1 } };

        // Nobody sets a policy the committee has not approved: the admin is told to propose it; other keys are refused outright.
        Assert.Contains("propose", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetAssessment, new { id = credential, input = shorterAppeals }, program.AdminKey)));
        Assert.Contains("propose", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetLifespan, new { id = credential, input = lifespan }, program.AdminKey)));
        Assert.Contains("propose", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetBadges, new { b = badges }, program.AdminKey)));
        foreach (var key in new[] { partner, learner.Key, evaluator.Key, members[0].Key })
        {
            await program.GraphQl.ErrorAsync("FORBIDDEN", SetAssessment, new { id = credential, input = shorterAppeals }, key);
            await program.GraphQl.ErrorAsync("FORBIDDEN", SetLifespan, new { id = credential, input = lifespan }, key);
            await program.GraphQl.ErrorAsync("FORBIDDEN", SetBadges, new { b = badges }, key);
        }

        // Outsiders cannot propose either.
        await program.GraphQl.ErrorAsync("FORBIDDEN", ProposeAssessment, new { id = credential, input = shorterAppeals }, partner);
        await program.GraphQl.ErrorAsync("FORBIDDEN", ProposeAssessment, new { id = credential, input = shorterAppeals }, learner.Key);

        // A member proposes the assessment policy; while open it does not apply; once approved, exactly it applies, and nothing else.
        var proposal = (await program.GraphQl.DataAsync(ProposeAssessment, new { id = credential, input = shorterAppeals }, members[0].Key)).GetProperty("proposeAssessmentPolicy");
        Assert.Equal(("ASSESSMENT_POLICY", "OPEN"), (proposal.GetProperty("kind").GetString(), proposal.GetProperty("status").GetString()));
        Assert.Contains("\"appealWindowDays\":14", proposal.GetProperty("content").GetString());
        var proposalId = proposal.GetProperty("id").GetString()!;
        Assert.Contains("waits", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetAssessment, new { id = credential, input = shorterAppeals }, program.AdminKey)));
        await program.GraphQl.DataAsync(Vote, new { id = proposalId }, members[1].Key);
        Assert.Equal("APPROVED", (await program.GraphQl.DataAsync(Vote, new { id = proposalId }, members[2].Key)).GetProperty("voteOnProposal").GetProperty("status").GetString());
        Assert.Contains("different policy", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetAssessment, new { id = credential, input = noAppeals }, program.AdminKey)));
        await program.GraphQl.ErrorAsync("FORBIDDEN", SetAssessment, new { id = credential, input = shorterAppeals }, members[0].Key);
        Assert.Equal(14, (await program.AdminAsync(SetAssessment, new { id = credential, input = shorterAppeals })).GetProperty("setAssessmentPolicy").GetProperty("appealWindowDays").GetInt32());
        var audited = (await program.AuditAsync()).Single(x => x.GetProperty("action").GetString() == "credential.assessment-policy-set");
        Assert.Contains(proposalId, audited.GetProperty("details").GetString());
        Assert.Contains($"learner:{members[1].Id}", audited.GetProperty("details").GetString());

        // A newer approved policy replaces it; the older approval cannot bring the old policy back.
        var next = (await program.AdminAsync(ProposeAssessment, new { id = credential, input = noAppeals })).GetProperty("proposeAssessmentPolicy").GetProperty("id").GetString();
        await program.GraphQl.DataAsync(Vote, new { id = next }, members[0].Key);
        await program.GraphQl.DataAsync(Vote, new { id = next }, members[1].Key);
        await program.AdminAsync(SetAssessment, new { id = credential, input = noAppeals });
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetAssessment, new { id = credential, input = shorterAppeals }, program.AdminKey);
        var inForce = (await program.AdminAsync("query($id: ID!) { assessmentPolicy(credentialId: $id) { appealWindowDays blindReview } }", new { id = credential })).GetProperty("assessmentPolicy");
        Assert.Equal((7, true), (inForce.GetProperty("appealWindowDays").GetInt32(), inForce.GetProperty("blindReview").GetBoolean()));

        // The lifespan policy: approved as proposed (20 credits is 20.0 credits), a different one still refused.
        var lifespanProposal = (await program.AdminAsync(ProposeLifespan, new { id = credential, input = lifespan })).GetProperty("proposeLifespanPolicy");
        Assert.Equal("LIFESPAN_POLICY", lifespanProposal.GetProperty("kind").GetString());
        await program.GraphQl.DataAsync(Vote, new { id = lifespanProposal.GetProperty("id").GetString() }, members[0].Key);
        await program.GraphQl.DataAsync(Vote, new { id = lifespanProposal.GetProperty("id").GetString() }, members[2].Key);
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetLifespan, new { id = credential, input = Lifespan(25m) }, program.AdminKey);
        Assert.Equal(30, (await program.AdminAsync(SetLifespan, new { id = credential, input = Lifespan(20.0m) })).GetProperty("setLifespanPolicy").GetProperty("graceDays").GetInt32());
        Assert.Contains(lifespanProposal.GetProperty("id").GetString()!,
            (await program.AuditAsync()).Single(x => x.GetProperty("action").GetString() == "credential.lifespan-set").GetProperty("details").GetString());

        // The badges: approved as a set (in any order); another threshold is refused.
        var badgeProposal = (await program.GraphQl.DataAsync(ProposeBadges, new { b = badges }, members[2].Key)).GetProperty("proposeRecognitionPolicy");
        Assert.Equal(("RECOGNITION_POLICY", program.Id), (badgeProposal.GetProperty("kind").GetString(), badgeProposal.GetProperty("subjectId").GetString()));
        await program.GraphQl.DataAsync(Vote, new { id = badgeProposal.GetProperty("id").GetString() }, members[0].Key);
        await program.GraphQl.DataAsync(Vote, new { id = badgeProposal.GetProperty("id").GetString() }, members[1].Key);
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetBadges, new { b = new[] { badges[0] with { threshold = 1 }, badges[1] } }, program.AdminKey);
        var set = (await program.AdminAsync(SetBadges, new { b = Enumerable.Reverse(badges).ToArray() })).GetProperty("setRecognitionPolicy");
        Assert.Equal(2, set.GetArrayLength());
        Assert.Contains(badgeProposal.GetProperty("id").GetString()!,
            (await program.AuditAsync()).Single(x => x.GetProperty("action").GetString() == "recognition.policy-set").GetProperty("details").GetString());
    }

    [Fact]
    public async Task A_drafts_policies_are_approved_with_the_draft()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")));
        var credential = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")), publish: false);
        var member = await program.EnrolAsync();
        await program.AdminAsync("mutation { configureGovernance(input: { quorum: 1 }) { enabled } }");
        await program.AdminAsync("mutation($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { id } }",
            new { input = new { person = $"learner:{member.Id}", startsOn = Day(0), endsOn = Day(300) } });

        // A draft's policies are set freely; they are not proposed on their own.
        await program.AdminAsync(SetAssessment, new { id = credential, input = new { appealWindowDays = 21 } });
        await program.GraphQl.ErrorAsync("CONFLICT", ProposeAssessment, new { id = credential, input = new { appealWindowDays = 21 } }, program.AdminKey);

        // Approved with one policy, then changed: the credential needs approving again before it is published.
        var first = (await program.AdminAsync("mutation($id: ID!) { proposeCredential(id: $id) { id } }", new { id = credential })).GetProperty("proposeCredential").GetProperty("id").GetString();
        await program.GraphQl.DataAsync(Vote, new { id = first }, member.Key);
        await program.AdminAsync(SetAssessment, new { id = credential, input = new { appealWindowDays = 3 } });
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", PublishCredential, new { id = credential }, program.AdminKey);
        var second = (await program.AdminAsync("mutation($id: ID!) { proposeCredential(id: $id) { id } }", new { id = credential })).GetProperty("proposeCredential").GetProperty("id").GetString();
        await program.GraphQl.DataAsync(Vote, new { id = second }, member.Key);
        var published = (await program.AdminAsync(PublishCredential, new { id = credential })).GetProperty("publishCredential");
        var appeals = published.GetProperty("policy").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "appeals");
        Assert.Contains("3 days", appeals.GetProperty("lines")[0].GetString());

        // Once published, the policy is governed on its own.
        await program.GraphQl.ErrorAsync("POLICY_VIOLATION", SetAssessment, new { id = credential, input = new { appealWindowDays = 21 } }, program.AdminKey);
    }

    [Fact]
    public async Task Without_a_committee_admins_set_policies_directly_and_only_admins()
    {
        var program = await ProgramScenario.CreateAsync(server.GraphQl, evaluators: 0);
        var frameworkId = await program.FrameworkAsync(ProgramScenario.FrameworkInput(ProgramScenario.Competency("OBS-1", domain: "CORE")));
        var credential = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "FOUNDATIONAL", ("C1", "OBS-1")));
        var badge = await program.CredentialAsync(ProgramScenario.CredentialInput(frameworkId, "MICRO_CREDENTIAL", ("C1", "OBS-1")));
        var badges = new[] { new { kind = "EVALUATING", credentialId = badge, threshold = 3 } };
        var learner = await program.EnrolAsync();

        await program.AdminAsync(SetAssessment, new { id = credential, input = new { appealWindowDays = 10 } });
        await program.AdminAsync(SetLifespan, new { id = credential, input = Lifespan(12m) });
        await program.AdminAsync(SetBadges, new { b = badges });
        await program.GraphQl.ErrorAsync("FORBIDDEN", SetAssessment, new { id = credential, input = new { appealWindowDays = 60 } }, learner.Key);
        await program.GraphQl.ErrorAsync("FORBIDDEN", SetBadges, new { b = badges }, learner.Key);
        Assert.Contains("steering committee", Message(await program.GraphQl.ErrorAsync("POLICY_VIOLATION", ProposeAssessment, new { id = credential, input = new { appealWindowDays = 60 } }, program.AdminKey)));
        Assert.Equal(10, (await program.AdminAsync("query($id: ID!) { assessmentPolicy(credentialId: $id) { appealWindowDays } }", new { id = credential }))
            .GetProperty("assessmentPolicy").GetProperty("appealWindowDays").GetInt32());
    }

    private static object Lifespan(decimal credits) => new
    {
        renewalWindowDays = 90, creditsPerCycle = credits, categoryMinimums = new[] { new { category = "ethics", credits = 5m } }, evidence = "NONE",
        graceDays = 30, lapseAfterDays = 0, lapseAction = "REVOKE",
    };

    private static string Message(JsonElement error) => error.GetProperty("message").GetString()!;

    private string Day(int offset) => server.Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
