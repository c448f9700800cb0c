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
    private static int s_fired;
    private static int s_failed;

    /// <summary>Ticks that advanced their renewal.</summary>
    public static int Fired => Volatile.Read(ref s_fired);

    /// <summary>Ticks whose work failed (a storage call or the tick itself timed out); their reminder fires again one period later.</summary>
    public static int Failed => Volatile.Read(ref s_failed);

    public static void Reset()
    {
        Interlocked.Exchange(ref s_fired, 0);
        Interlocked.Exchange(ref s_failed, 0);
    }

    public Task ScheduleAsync(TimeSpan dueIn) => this.RegisterOrUpdateReminder(ReminderName, dueIn, TimeSpan.FromDays(1));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await GrainFactory.GetGrain<IRenewalGrain>(this.GetPrimaryKeyString()).AdvanceAsync();
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception)
        {
            Interlocked.Increment(ref s_failed);
            throw;
        }

        Interlocked.Increment(ref s_fired);
    }
}
