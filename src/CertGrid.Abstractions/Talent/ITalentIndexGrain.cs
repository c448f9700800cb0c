using CertGrid.Domain.Talent;

namespace CertGrid.Abstractions.Talent;

/// <summary>
/// A community's talent search read model: the profiles of its discoverable learners, kept in the community's talent
/// table and in memory, written by the learners' consent grains and searched by partners. Key: the community id.
/// </summary>
public interface ITalentIndexGrain : IGrainWithStringKey
{
    /// <summary>Stores (or, with null, removes) a learner's profile.</summary>
    Task PutAsync(string learnerId, TalentProfile? profile);

    /// <summary>How many holders match, and the best <paramref name="take"/> of them in rank order.</summary>
    [ReadOnly]
    Task<TalentResults> SearchAsync(TalentQuery query, int take);
}

/// <summary>One community's answer to a search.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.talent-results")]
public sealed record TalentResults(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<TalentMatch> Top);
