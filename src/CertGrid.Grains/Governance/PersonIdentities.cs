using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Governance;

/// <summary>
/// A person as governance sees them: every reference they act under (an evaluator and the learner record linked to
/// them are one person) and their name. NOT_FOUND when the reference names nobody in the community.
/// </summary>
internal sealed record PersonIdentities(string Person, string Name, IReadOnlySet<string> All)
{
    public static async Task<PersonIdentities> ResolveAsync(IGrainFactory grains, string community, string personRef, string field)
    {
        var person = PersonRef.Require(personRef, field);
        var (kind, id) = (person[..person.IndexOf(':', StringComparison.Ordinal)], person[(person.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var pool = grains.GetGrain<IEvaluatorPoolGrain>(community);
        if (kind == "evaluator")
        {
            var evaluator = await pool.GetAsync(id);
            var all = new HashSet<string>(StringComparer.Ordinal) { person };
            if (evaluator.LinkedLearnerId is { } linked)
            {
                all.Add(PersonRef.Learner(linked));
            }

            return new PersonIdentities(person, evaluator.Name, all);
        }

        var learner = await grains.Learner(community, id).GetAsync();
        var identities = (await pool.ListAsync()).Where(e => e.LinkedLearnerId == id).Select(e => PersonRef.Evaluator(e.Id)).Append(person);
        return new PersonIdentities(person, learner.Name, identities.ToHashSet(StringComparer.Ordinal));
    }
}
