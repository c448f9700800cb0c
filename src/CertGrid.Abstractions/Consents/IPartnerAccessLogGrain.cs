using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Consents;

/// <summary>
/// The log of partners' reads of learners' data and their messages to learners, in the community's partner-access
/// table. A read is recorded before its answer is returned (concurrent reads share one table batch). Key: the community id.
/// </summary>
public interface IPartnerAccessLogGrain : IGrainWithStringKey
{
    Task RecordAsync(IReadOnlyList<PartnerAccessEntry> entries);

    /// <summary>The learner's entries of one kind group (reads, or messages), newest first.</summary>
    Task<Page<PartnerAccessEntry>> ListAsync(string learnerId, bool messages, PageRequest page);
}
