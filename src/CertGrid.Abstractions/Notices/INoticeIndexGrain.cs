using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Notices;

namespace CertGrid.Abstractions.Notices;

/// <summary>Reads a community's notices and dead letters from the notices table. Key: the community id.</summary>
public interface INoticeIndexGrain : IGrainWithStringKey
{
    /// <summary>A learner's notices, newest first.</summary>
    Task<Page<Notice>> ListForLearnerAsync(string learnerId, PageRequest page);

    /// <summary>Deliveries that failed every attempt, oldest first.</summary>
    Task<Page<DeadLetter>> ListDeadLettersAsync(PageRequest page);
}

/// <summary>A delivery that failed every attempt: which notice, to which endpoint, and the last error.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.dead-letter")]
public sealed record DeadLetter(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] string EndpointId,
    [property: Id(2)] string EventType,
    [property: Id(3)] int Attempts,
    [property: Id(4)] string LastError,
    [property: Id(5)] DateTimeOffset DeadLetteredAt);
