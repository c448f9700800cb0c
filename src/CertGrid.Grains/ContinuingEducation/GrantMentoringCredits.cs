using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.ContinuingEducation;

/// <summary>
/// Declaring a mentorship earns the mentor (<see cref="Relationship.From"/>, a learner or an evaluator's linked learner
/// record) the community's mentoring credits; keyed by the relationship, so it counts once however often posted.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.grant-mentoring-credits")]
public sealed record GrantMentoringCredits([property: Id(0)] Relationship Mentorship) : Effect
{
    public override string Receiver => $"ce-credits:{Mentorship.From}";

    public override async Task ApplyAsync(EffectContext context)
    {
        var learnerId = Mentorship.From.Split(':', 2) switch
        {
            ["learner", var id] => id,
            ["evaluator", var id] => (await context.Grains.GetGrain<IEvaluatorPoolGrain>(context.Community).GetAsync(id)).LinkedLearnerId,
            _ => null,
        };
        var rules = await context.Grains.GetGrain<ICeRulesGrain>(context.Community).GetAsync();
        if (learnerId is not null && rules.CreditsPerMentorship > 0)
        {
            await context.Grains.CeLedger(context.Community, learnerId).PostAutomaticAsync(new AutomaticCredit(
                $"mentorship:{Mentorship.From}:{Mentorship.To}:{Mentorship.Since.UtcTicks}", CeActivityKind.Mentoring, $"Mentoring {Mentorship.To}",
                rules.CreditsPerMentorship, rules.MentoringCategory, DateOnly.FromDateTime(Mentorship.Since.UtcDateTime)));
        }
    }
}
