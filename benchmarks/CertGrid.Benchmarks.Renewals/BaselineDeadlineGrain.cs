using CertGrid.Abstractions.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>The baseline: one reminder per credential. Key: <c>{community}/{credentialId}</c>.</summary>
public interface IBaselineDeadlineGrain : IGrainWithStringKey
{
    Task ScheduleAsync(TimeSpan dueIn);
}

/// <summary>
/// Registers its own reminder; when it fires, advances the same renewal grain the bucketed scheduler would (the
/// same work), then unregisters the reminder, as a credential would after its deadline.
/// </summary>
public sealed class BaselineDeadlineGrain : Grain, IBaselineDeadlineGrain, IRemindable
{
    private const string ReminderName = "deadline";
    private static int s_advanced;
    private static int s_advanceFailed;
    private static int s_cleanupFailed;

    /// <summary>Ticks that advanced their renewal: the day's work.</summary>
    public static int Advanced => Volatile.Read(ref s_advanced);

    /// <summary>Ticks whose renewal did not advance (a storage call or the call itself timed out); the reminder fires again one period later.</summary>
    public static int AdvanceFailed => Volatile.Read(ref s_advanceFailed);

    /// <summary>Ticks that advanced their renewal but whose reminder could not be removed (the reminder service answered too late); it fires once more, for nothing.</summary>
    public static int CleanupFailed => Volatile.Read(ref s_cleanupFailed);

    public static void Reset()
    {
        Interlocked.Exchange(ref s_advanced, 0);
        Interlocked.Exchange(ref s_advanceFailed, 0);
        Interlocked.Exchange(ref s_cleanupFailed, 0);
    }

    public Task ScheduleAsync(TimeSpan dueIn) => this.RegisterOrUpdateReminder(ReminderName, dueIn, TimeSpan.FromDays(1));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await GrainFactory.GetGrain<IRenewalGrain>(this.GetPrimaryKeyString()).AdvanceAsync();
        }
        catch (Exception)
        {
            Interlocked.Increment(ref s_advanceFailed);
            throw;
        }

        Interlocked.Increment(ref s_advanced);
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception)
        {
            Interlocked.Increment(ref s_cleanupFailed);
            throw;
        }
    }
}
