using CertGrid.Abstractions.Practice;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Practice;

/// <summary>A practice review a mentor was asked for, in the assessments read model (<c>p|{evaluatorId}|{sessionId}</c>).</summary>
public sealed class PracticeRequestRow : ReadModelRow
{
    public string LearnerId { get; set; } = string.Empty;
    public string SessionId { get; set; } = string.Empty;
    public string DefinitionId { get; set; } = string.Empty;
    public DateTimeOffset RequestedAt { get; set; }
    public bool Reviewed { get; set; }

    public static string Prefix(string evaluatorId) => $"p|{evaluatorId}|";

    public static PracticeRequestRow From(string community, string evaluatorId, PracticeSession session) => new()
    {
        PartitionKey = community,
        RowKey = Prefix(evaluatorId) + session.Id,
        LearnerId = session.LearnerId,
        SessionId = session.Id,
        DefinitionId = session.DefinitionId,
        RequestedAt = session.MentorRequestedAt ?? session.CompletedAt,
        Reviewed = session.MentorReviewedAt is not null,
    };

    public PracticeRequest ToRequest() => new(LearnerId, SessionId, DefinitionId, RequestedAt, Reviewed);
}
