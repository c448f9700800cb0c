using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>A learner in the community's learners read model.</summary>
public sealed class LearnerRow : ReadModelRow
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Organisation { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }

    /// <summary>The learner's last activity (enrolment at the latest): what the community's retention sweep queries.</summary>
    public DateTimeOffset? LastActiveAt { get; set; }

    public static LearnerRow From(string community, LearnerProfile profile, DateTimeOffset? lastActiveAt = null) => new()
    {
        LastActiveAt = lastActiveAt,
        PartitionKey = community,
        RowKey = profile.Id,
        Name = profile.Name,
        Email = profile.Email,
        Organisation = profile.Organisation,
        EnrolledAt = profile.EnrolledAt,
    };

    public LearnerProfile ToProfile() => new(RowKey, Name, Email, Organisation, EnrolledAt);
}
