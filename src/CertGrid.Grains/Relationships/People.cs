using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;

namespace CertGrid.Grains.Relationships;

/// <summary>Whether a person reference (<c>learner:…</c>, <c>evaluator:…</c>) names someone enrolled or registered in a community.</summary>
internal static class People
{
    /// <summary>Throws VALIDATION_FAILED on <paramref name="field"/> when the person is not a learner or evaluator of the community.</summary>
    public static async Task RequireExistsAsync(IGrainFactory grains, string community, string person, string field)
    {
        var separator = person.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = (person[..separator], person[(separator + 1)..]);
        var exists = kind == "learner"
            ? await grains.Learner(community, id).FindAsync() is not null
            : await EvaluatorExistsAsync(grains.GetGrain<IEvaluatorPoolGrain>(community), id);
        if (!exists)
        {
            throw CertGridException.Invalid(field, $"'{person}' is not a learner or evaluator of this community.");
        }
    }

    private static async Task<bool> EvaluatorExistsAsync(IEvaluatorPoolGrain pool, string evaluatorId)
    {
        try
        {
            _ = await pool.GetAsync(evaluatorId);
            return true;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return false;
        }
    }
}
