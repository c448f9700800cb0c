namespace CertGrid.Grains.Persistence;

/// <summary>
/// A grain's long job done a step at a time on a one-shot grain timer, each step saying when the next is due (null: the
/// job is over). The timer interleaves, so the grain's reads answer while a step waits on storage (only the steps change
/// the job's state meanwhile), and keeps the grain active while the job runs. Create it in the grain and call
/// <see cref="KeepWorking"/> from grain code; a second call while a step is due or running changes nothing.
/// </summary>
internal sealed class TimerSteps(IGrainBase grain, Func<Task<TimeSpan?>> step)
{
    private IGrainTimer? _timer;

    public void KeepWorking(TimeSpan after)
    {
        if (_timer is not null)
        {
            return;
        }

        _timer = grain.RegisterGrainTimer(async _ =>
        {
            TimeSpan? next;
            try
            {
                next = await step();
            }
            finally
            {
                _timer?.Dispose();
                _timer = null;
            }

            if (next is { } wait)
            {
                KeepWorking(wait);
            }
        }, new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }
}
