using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Consents;

/// <summary>
/// The log of partners' reads of learners' data and their messages to learners, in the community's partner-access
/// table. A read is recorded before its answer is returned (concurrent reads share one table batch). Key: the community id.
/// </summary>
public interface IPartnerAccessLogGrain : IGrainWithStringKey
{
    Task RecordAsync(IReadOnlyList<PartnerAccessEntry> entries);

    /// <summary>
    /// Records a partner's message to a learner on its own, once per operation: a run again after a lost answer finds the
    /// first run's message and stores nothing (so the learner never reads it twice).
    /// </summary>
    [Retries.TakesRetriedOperation]
    Task RecordMessageAsync(PartnerAccessEntry message);

    /// <summary>The learner's entries of one kind group (reads, or messages), newest first.</summary>
    Task<Page<PartnerAccessEntry>> ListAsync(string learnerId, bool messages, PageRequest page);
}
