using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Tests.Relationships;

/// <summary>
/// Erasing a learner drops the notes of their relationships on both sides (their own grain and every other party's copy),
/// also a copy that reaches them later; the ties stay as ids, and ties between other people keep their notes.
/// </summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class RelationshipNotesErasureTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task The_notes_about_an_erased_learner_are_gone_on_every_side_and_a_late_copy_brings_none_back()
    {
        var program = new ProgramBuilder(fixture.Grains, GrainClusterFixture.NewCommunity());
        var (mentorId, otherId) = (await program.EvaluatorAsync(), await program.EvaluatorAsync());
        var (learnerId, profile) = await program.LearnerAsync();
        var (learner, mentor, other) = (PersonRef.Learner(learnerId), PersonRef.Evaluator(mentorId), PersonRef.Evaluator(otherId));
        var mentorGrain = program.Relationships(mentor);
        var declared = await mentorGrain.DeclareAsync(learner, RelationshipKind.Mentor, $"Mentoring {profile.Name} since the spring", Actors.Evaluator(mentorId));
        await program.Relationships(learner).DeclareAsync(other, RelationshipKind.Friend, $"{profile.Name} and I climb together", Actors.Learner(learnerId));
        await mentorGrain.DeclareAsync(other, RelationshipKind.Colleague, "Same review guild", Actors.Evaluator(mentorId));
        foreach (var person in new[] { learner, mentor, other })
        {
            await Eventually.HoldsAsync(() => program.Relationships(person).PendingMirrorsAsync(), n => n == 0, $"{person}'s copies are delivered", timeoutMs: 30_000);
        }

        await program.Learner(learnerId).EraseAsync(Actors.System);

        foreach (var person in new[] { learner, mentor, other })
        {
            await Eventually.HoldsAsync(() => program.Relationships(person).ListAsync(),
                list => list.Where(r => r.From == learner || r.To == learner).All(r => r.Note is null), $"{person} keeps no note about the erased learner", timeoutMs: 30_000);
        }

        Assert.Equal(2, (await program.Relationships(learner).ListAsync()).Count);
        Assert.Equal("Same review guild", (await program.Relationships(other).ListAsync()).Single(r => r.From == mentor).Note);

        // A copy of the declaration, with its note, arriving late (a retried mirror) is kept without it.
        await program.Relationships(learner).MirrorAsync(declared);
        Assert.All(await program.Relationships(learner).ListAsync(), r => Assert.Null(r.Note));
    }
}
