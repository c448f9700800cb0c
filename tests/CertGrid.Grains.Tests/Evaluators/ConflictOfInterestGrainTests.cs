using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Errors;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Evaluators;

/// <summary>
/// Conflict-of-interest rules through the grains: Bogus communities with shared organisations, evaluators who are also
/// learners, shared emails, relationships declared by either side, cohorts and per-credential policies. Every panel is
/// checked against an oracle built from what the grains report, and a refused submission must really lack evaluators.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class ConflictOfInterestGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task No_panel_in_random_communities_breaks_a_conflict_rule_and_refusals_are_genuine()
    {
        var panels = 0;
        for (var seed = 0; seed < 6; seed++)
        {
            var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity(), seed);
            var faker = program.Faker;
            var organisations = Enumerable.Range(0, 3).Select(_ => faker.Company.CompanyName()).Distinct().ToList();
            var learners = new List<(string Id, Abstractions.Learners.LearnerProfile Profile)>();
            for (var i = 0; i < 6; i++)
            {
                learners.Add(await program.LearnerAsync(organisation: faker.PickRandom(organisations)));
            }

            var borrowedEmails = new HashSet<string>();
            for (var i = 0; i < 9; i++)
            {
                var linked = faker.Random.Bool(0.3f) ? faker.PickRandom(learners).Id : null;
                var email = faker.Random.Bool(0.15f) ? faker.PickRandom(learners).Profile.Email.ToUpperInvariant() : null;
                email = email is not null && borrowedEmails.Add(email) ? email : null;
                await program.EvaluatorAsync(faker.PickRandom(organisations), linked, email: email,
                    expertise: faker.Random.Bool(0.8f) ? ProgramBuilder.Competencies : ["OBS-1"], languages: faker.Random.Bool(0.6f) ? ["en"] : ["fr"]);
            }

            var evaluators = await program.Pool.ListAsync();
            var people = learners.Select(l => PersonRef.Learner(l.Id)).Concat(evaluators.Select(e => PersonRef.Evaluator(e.Id))).ToList();
            for (var i = 0; i < 6; i++)
            {
                var learner = PersonRef.Learner(faker.PickRandom(learners).Id);
                var other = faker.PickRandom(people.Where(p => p != learner).ToList());
                // Either side declares; the relationship is mirrored onto both.
                var (from, to) = faker.Random.Bool() ? (learner, other) : (other, learner);
                await fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(from)).DeclareAsync(to, faker.PickRandom<RelationshipKind>(), null, Actors.System);
            }

            var cohortId = EntityId.New(IdPrefixes.Cohort);
            var cohort = fixture.Grains.GetGrain<ICohortGrain>(program.Key(cohortId));
            await cohort.CreateAsync(new CreateCohort("Spring cohort", new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 1), []), Actors.System);
            await cohort.AddMembersAsync(faker.Random.ListItems(learners, 3).Select(l => l.Id).ToList(), Actors.System);
            var members = (await cohort.GetAsync()).MemberIds;

            var policy = AssessmentPolicy.Default with
            {
                ExcludeSameOrganisation = faker.Random.Bool(0.7f),
                Expertise = faker.PickRandom<ExpertiseMatch>(),
                RequiredLanguage = faker.Random.Bool(0.3f) ? "en" : null,
            };
            var definitionId = await program.PublishedCredentialAsync(policy: policy);

            foreach (var (learnerId, profile) in faker.Random.ListItems(learners, 4))
            {
                var relationships = await fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(PersonRef.Learner(learnerId))).ListAsync();
                var related = relationships.Select(r => r.Other(PersonRef.Learner(learnerId))).ToHashSet();
                var mates = members.Contains(learnerId) ? members.Where(m => m != learnerId).ToHashSet() : [];
                string? Violation(EvaluatorProfile e) =>
                    e.LinkedLearnerId == learnerId ? "is the learner"
                    : e.Email.Equals(profile.Email, StringComparison.OrdinalIgnoreCase) ? "shares the email"
                    : policy.ExcludeSameOrganisation && string.Equals(e.Organisation, profile.Organisation, StringComparison.OrdinalIgnoreCase) ? "shares the organisation"
                    : related.Contains(PersonRef.Evaluator(e.Id)) || (e.LinkedLearnerId is { } l && related.Contains(PersonRef.Learner(l))) ? "is related"
                    : e.LinkedLearnerId is { } m && mates.Contains(m) ? "is a cohort-mate"
                    : policy.Expertise == ExpertiseMatch.AllCompetencies && e.Expertise.Count < 2 ? "lacks expertise"
                    : policy.RequiredLanguage is { } lang && !(e.Languages ?? []).Contains(lang) ? "lacks the language"
                    : null;
                var allowed = (await program.Pool.ListAsync()).Where(e => Violation(e) is null).ToList();

                try
                {
                    var attempt = await program.SubmitAsync(learnerId, definitionId);
                    Assert.Equal(2, attempt.Panel.Count);
                    foreach (var seat in attempt.Panel)
                    {
                        var evaluator = evaluators.Single(e => e.Id == seat.EvaluatorId);
                        Assert.True(Violation(evaluator) is null, $"seed {seed}: {evaluator.Id} sits on {attempt.Id} although it {Violation(evaluator)}");
                        Assert.StartsWith("independent of the learner", seat.Reason, StringComparison.Ordinal);
                        panels++;
                    }
                }
                catch (CertGridException ex) when (ex.Code == ErrorCode.PolicyViolation)
                {
                    Assert.True(allowed.Count < 2, $"seed {seed}: refused although {allowed.Count} evaluators qualify: {ex.Message}");
                    Assert.Contains("Passed over:", ex.Message, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(panels >= 10, $"only {panels} panel seats were checked");
    }

    [Fact]
    public async Task Evaluators_of_a_failed_attempt_are_kept_off_the_retake_when_the_policy_says_so()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync(policy: AssessmentPolicy.Default with { ExcludePreviousFailReviewers = true });
        for (var i = 0; i < 4; i++)
        {
            await program.EvaluatorAsync();
        }

        var (learnerId, _) = await program.LearnerAsync();
        var first = await program.SubmitAsync(learnerId, definitionId);
        foreach (var seat in first.Panel)
        {
            await program.ReviewAsync(first.Id, seat.EvaluatorId, "Not yet");
        }

        var retake = await program.SubmitAsync(learnerId, definitionId);
        Assert.Empty(retake.Panel.Select(s => s.EvaluatorId).Intersect(first.Panel.Select(s => s.EvaluatorId)));

        // With both remaining evaluators on the retake, a third attempt cannot be staffed: the rule holds even when it hurts.
        foreach (var seat in retake.Panel)
        {
            await program.ReviewAsync(retake.Id, seat.EvaluatorId, "Not yet");
        }

        var refused = await Assert.ThrowsAsync<CertGridException>(() => program.SubmitAsync(learnerId, definitionId));
        Assert.Contains("reviewed the learner's failed attempt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_deactivate_and_evaluators_take_leave_and_neither_is_assigned()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync();
        var away = await program.EvaluatorAsync();
        var retired = await program.EvaluatorAsync();
        var ready = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        await program.Pool.SetAvailabilityAsync(away, fixture.Cluster.Clock.GetUtcNow().AddDays(10), Actors.Evaluator(away));
        await Assert.ThrowsAsync<CertGridException>(() => program.Pool.SetActiveAsync(retired, false, null, Actors.System));
        var profile = await program.Pool.SetActiveAsync(retired, false, "Left the community.", Actors.System);
        Assert.Equal("Left the community.", profile.InactiveReason);

        var (learnerId, _) = await program.LearnerAsync();
        var attempt = await program.SubmitAsync(learnerId, definitionId);
        Assert.Equal(ready.Order(), attempt.Panel.Select(s => s.EvaluatorId).Order());
        var audit = await AuditTrail.WithAsync(fixture.Grains, program.Community, "evaluator.deactivated", retired);
        Assert.Contains(audit, e => e.Action == "evaluator.availability-set" && e.Subject == away);
    }
}
