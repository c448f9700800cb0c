using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Relationships;

/// <summary>
/// A declared relationship is copied reliably onto the other person, whose copy the conflict-of-interest check reads:
/// the copy is stored with the declaration as an outbox entry and retried until the other side has it, also when both
/// people declare towards each other at the same moment (each grain then waits for the other).
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class RelationshipMirrorTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Declarations_made_towards_each_other_at_once_reach_both_sides_and_the_evaluator_is_never_assigned()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var definitionId = await program.PublishedCredentialAsync();
        var evaluators = new[] { await program.EvaluatorAsync(), await program.EvaluatorAsync(), await program.EvaluatorAsync(), await program.EvaluatorAsync() };
        var (learnerId, _) = await program.LearnerAsync();
        var learner = PersonRef.Learner(learnerId);
        var related = evaluators[..2];

        // The learner and two evaluators declare towards each other concurrently; every call succeeds.
        await Task.WhenAll(related.SelectMany(evaluatorId => new[]
        {
            program.Relationships(learner).DeclareAsync(PersonRef.Evaluator(evaluatorId), RelationshipKind.Friend, "Climbing partners", Actors.Learner(learnerId)),
            program.Relationships(PersonRef.Evaluator(evaluatorId)).DeclareAsync(learner, RelationshipKind.Colleague, "Same platform team until 2023", Actors.Evaluator(evaluatorId)),
        }));

        foreach (var person in related.Select(PersonRef.Evaluator).Append(learner))
        {
            var grain = program.Relationships(person);
            await Eventually.HoldsAsync(() => grain.PendingMirrorsAsync(), n => n == 0, $"{person}'s copies are delivered", timeoutMs: 30_000);
        }

        var learnerSide = await program.Relationships(learner).ListAsync();
        Assert.Equal(4, learnerSide.Count);
        foreach (var evaluatorId in related)
        {
            var evaluatorSide = await program.Relationships(PersonRef.Evaluator(evaluatorId)).ListAsync();
            Assert.Equal(
                learnerSide.Where(r => r.Other(learner) == PersonRef.Evaluator(evaluatorId)).OrderBy(r => r.Kind).ToList(),
                evaluatorSide.OrderBy(r => r.Kind).ToList());
        }

        var attempt = await program.SubmitAsync(learnerId, definitionId);
        Assert.Empty(attempt.Panel.Select(s => s.EvaluatorId).Intersect(related));
    }

    [Fact]
    public async Task An_ending_reaches_the_other_side_and_a_late_copy_of_the_declaration_does_not_revive_it()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var evaluatorId = await program.EvaluatorAsync();
        var (learnerId, _) = await program.LearnerAsync();
        var (learner, evaluator) = (PersonRef.Learner(learnerId), PersonRef.Evaluator(evaluatorId));

        var declared = await program.Relationships(evaluator).DeclareAsync(learner, RelationshipKind.Manager, null, Actors.Evaluator(evaluatorId));
        fixture.Cluster.Clock.Advance(TimeSpan.FromDays(1));
        await program.Relationships(evaluator).EndAsync(learner, RelationshipKind.Manager, Actors.Evaluator(evaluatorId));
        Assert.Equal(0, await program.Relationships(evaluator).PendingMirrorsAsync());

        var copy = Assert.Single(await program.Relationships(learner).ListAsync());
        Assert.NotNull(copy.Until);
        await program.Relationships(learner).MirrorAsync(declared); // a delayed redelivery of the original declaration
        Assert.NotNull(Assert.Single(await program.Relationships(learner).ListAsync()).Until);
    }

    private IRelationshipsGrain Person(ProgramBuilder program, string person) => fixture.Grains.GetGrain<IRelationshipsGrain>(program.Key(person));
}
