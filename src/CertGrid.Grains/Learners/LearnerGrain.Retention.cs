using CertGrid.Domain.Privacy;
using CertGrid.Grains.Privacy;

namespace CertGrid.Grains.Learners;

/// <summary>The community's retention policy reaching a learner: what counts as their last activity, and erasure once inactive.</summary>
public sealed partial class LearnerGrain
{
    /// <summary>Activity is kept to the day: a learner signing in all day costs one write.</summary>
    private static readonly TimeSpan ActivityPrecision = TimeSpan.FromDays(1);

    /// <summary>The last counted activity, or the enrolment.</summary>
    private DateTimeOffset LastActiveAt => State.LastActiveAt ?? State.EnrolledAt;

    public async Task RecordActivityAsync()
    {
        if (Enrolled && Now - LastActiveAt >= ActivityPrecision)
        {
            State.LastActiveAt = Now;
            await SaveAsync();
        }
    }

    public async Task RecordIdentityAsync(string identityId)
    {
        if (Enrolled && !State.IdentityIds.Contains(identityId))
        {
            State.IdentityIds.Add(identityId);
            await SaveAsync();
        }
    }

    public async Task<bool> EraseIfInactiveAsync(RetentionPolicy policy)
    {
        if (!Enrolled || !policy.IsInactive(LastActiveAt, Now))
        {
            return false;
        }

        await EraseAsync(RetentionGrain.Actor);
        return true;
    }
}
