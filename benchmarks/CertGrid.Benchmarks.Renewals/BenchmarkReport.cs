using System.Globalization;
using System.Text;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>The figures as Markdown, with the baseline extrapolated linearly from its measured points.</summary>
public static class BenchmarkReport
{
    public static string Markdown(BenchmarkOptions options, ScaleRegistration.Result scale, DayProcessing.Result day, IReadOnlyList<ReminderBaseline.Point> baseline)
    {
        var deadlines = (double)(scale.RealTracked + scale.SyntheticDeadlines);
        var schedulerBytes = scale.Buckets.Bytes + scale.Schedulers.Bytes + scale.Reminders.Bytes;
        var text = new StringBuilder();
        text.AppendLine(Inv($"## Bucketed scheduler: {deadlines:N0} deadlines, {options.Communities} communities, {options.Days} days"));
        text.AppendLine();
        text.AppendLine("| Measure | Value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Inv($"| Reminders registered | {scale.Reminders.Count:N0} ({scale.Reminders.Bytes:N0} bytes) |"));
        text.AppendLine(Inv($"| Bucket rows | {scale.Buckets.Count:N0} rows, {scale.Buckets.Bytes:N0} bytes ({scale.Buckets.Bytes / deadlines:0.0} bytes per deadline) |"));
        text.AppendLine(Inv($"| Scheduler rows (pending days) | {scale.Schedulers.Count:N0} rows, {scale.Schedulers.Bytes:N0} bytes ({scale.Schedulers.Bytes / deadlines:0.00} bytes per deadline) |"));
        text.AppendLine(Inv($"| **Scheduler state per deadline** (buckets + schedulers + reminders) | **{schedulerBytes / deadlines:0.0} bytes** |"));
        text.AppendLine(Inv($"| Renewal grain state (per credential, not scheduler state) | {scale.Renewals.Count:N0} rows, {(scale.Renewals.Count == 0 ? 0 : (double)scale.Renewals.Bytes / scale.Renewals.Count):0} bytes each |"));
        text.AppendLine(Inv($"| Registering {scale.SyntheticDeadlines:N0} deadlines into buckets (backfill) | {scale.RegistrationTime.TotalSeconds:0.0} s ({scale.SyntheticDeadlines / scale.RegistrationTime.TotalSeconds:N0}/s) |"));
        text.AppendLine(Inv($"| Heap growth for them, every bucket activation alive | {scale.HeapBytesActive:N0} bytes ({(double)scale.HeapBytesActive / scale.SyntheticDeadlines:0.0} bytes per deadline) |"));
        text.AppendLine(Inv($"| Heap growth for them, idle (activations collected) | {scale.HeapBytesIdle:N0} bytes ({(double)scale.HeapBytesIdle / scale.SyntheticDeadlines:0.0} bytes per deadline) |"));
        text.AppendLine(Inv($"| Reading the whole reminder table (each reminder-service refresh) | {scale.ReminderScanTime.TotalMilliseconds:0} ms for {scale.Reminders.Count:N0} rows |"));
        text.AppendLine(Inv($"| Tracking {scale.RealTracked:N0} renewal grains (as issuing does) | {scale.TrackingTime.TotalSeconds:0.0} s ({scale.RealTracked / scale.TrackingTime.TotalSeconds:N0}/s) |"));
        text.AppendLine(Inv($"| **Processing one day with {day.Advanced:N0} due renewals** | **{day.Elapsed.TotalSeconds:0.0} s** ({day.Advanced / day.Elapsed.TotalSeconds:N0}/s; {day.Deferred} deferred; {day.NoticesStored:N0} notices stored) |"));
        text.AppendLine();
        text.AppendLine("## One reminder per credential (baseline, measured points)");
        text.AppendLine();
        text.AppendLine("| Reminders due at once | Reminder rows | Bytes per reminder row | Registration | Heap per credential (active / idle) | Reminder-table read | Processing after the due instant |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var p in baseline)
        {
            text.AppendLine(Inv($"| {p.Credentials:N0} | {p.ReminderRows:N0} | {(p.ReminderRows == 0 ? 0 : (double)p.ReminderBytes / p.ReminderRows):0} | {p.RegistrationTime.TotalSeconds:0.0} s ({p.Credentials / p.RegistrationTime.TotalSeconds:N0}/s) | {(double)p.HeapBytesActive / p.Credentials:0} / {(double)p.HeapBytesIdle / p.Credentials:0} bytes | {p.ReminderScanTime.TotalMilliseconds:0} ms | {(p.Finished ? Inv($"all advanced in {p.ProcessingTime.TotalSeconds:0.0} s") : Inv($"did not finish: {p.Advanced:N0} of {p.Credentials:N0} advanced in {p.WaitLimit.TotalMinutes:0} min"))}{(p.AdvanceFailed + p.CleanupFailed > 0 ? Inv($"; ticks failed: {p.AdvanceFailed:N0} before advancing (they fire again a period later), {p.CleanupFailed:N0} removing their reminder") : "")}{(p.DueBeforeRegistered ? " (due before registration ended)" : "")} |"));
        }

        var finished = baseline.Where(p => p.Finished).ToList();
        if (finished.Count >= 2)
        {
            var (pa, pb) = Fit(finished.Select(p => ((double)p.Credentials, p.ProcessingTime.TotalSeconds)));
            var (ra, rb) = Fit(finished.Select(p => ((double)p.Credentials, p.RegistrationTime.TotalSeconds)));
            var bytesPerRow = finished.Sum(p => (double)p.ReminderBytes) / finished.Sum(p => (double)p.ReminderRows);
            var (sa, sb) = Fit(finished.Select(p => ((double)p.Credentials, p.ReminderScanTime.TotalSeconds)));
            text.AppendLine();
            text.AppendLine("Linear extrapolation of the baseline (least squares over the measured points):");
            text.AppendLine();
            text.AppendLine(Inv($"- processing a day with {day.Advanced:N0} due: **{pa + (pb * day.Advanced):N0} s** (bucketed: {day.Elapsed.TotalSeconds:0} s)"));
            text.AppendLine(Inv($"- {deadlines:N0} reminders: {deadlines:N0} reminder rows, {bytesPerRow * deadlines / 1e6:N0} MB of reminder table (bucketed: {scale.Reminders.Count} rows, {schedulerBytes / 1e6:N1} MB of scheduler state), registration {ra + (rb * deadlines):N0} s, one reminder-table read {sa + (sb * deadlines):N0} s (bucketed: {scale.ReminderScanTime.TotalSeconds:0.00} s)"));
        }

        return text.ToString();
    }

    private static (double Intercept, double Slope) Fit(IEnumerable<(double X, double Y)> points)
    {
        var list = points.ToList();
        var (mx, my) = (list.Average(p => p.X), list.Average(p => p.Y));
        var slope = list.Sum(p => (p.X - mx) * (p.Y - my)) / list.Sum(p => (p.X - mx) * (p.X - mx));
        return (my - (slope * mx), slope);
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
