using System.Text.Json;

namespace CertGrid.Testing.Browser;

/// <summary>
/// Opens a page in a real headless Chromium (Debian's <c>chromium</c>, which <c>tools/local-stack.sh</c> installs;
/// never a downloaded browser) through <c>tests/browser/check-page.mjs</c> (npm <c>playwright-core</c>), and reports
/// the texts asked for, axe-core's accessibility violations, requests to other origins, and a screenshot. One
/// browser at a time: on a 2-core box parallel browsers only slow each other down.
/// </summary>
public static class HeadlessBrowser
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where screenshots are kept: <c>screenshots/</c> in the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <param name="screenshotName">A file name (e.g. <c>credential-valid.png</c>) under <see cref="ScreenshotDirectory"/>, or null for none.</param>
    /// <param name="headers">Sent with every request of the page (an admin key for a page served to admins only).</param>
    public static async Task<PageReport> CheckAsync(
        Uri url, IReadOnlyDictionary<string, string>? selectors = null, string? screenshotName = null, string? acceptLanguage = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new
        {
            url = url.ToString(),
            selectors = selectors ?? new Dictionary<string, string>(),
            screenshot = screenshotName is null ? null : Path.Combine(ScreenshotDirectory, screenshotName),
            acceptLanguage,
            headers,
        }, Json));
        await OneAtATime.WaitAsync();
        try
        {
            var run = await NodeScript.RunAsync("tests/browser/check-page.mjs", request);
            if (run.ExitCode != 0 || run.Lines.Count == 0)
            {
                throw new InvalidOperationException($"Headless Chromium could not check {url}: {run}");
            }

            return JsonSerializer.Deserialize<PageReport>(run.Lines[^1], Json)!;
        }
        finally
        {
            OneAtATime.Release();
            File.Delete(request);
        }
    }
}

/// <summary>What the browser found on a page (see <c>tests/browser/check-page.mjs</c>).</summary>
public sealed record PageReport(
    int Status,
    string? ContentType,
    string Title,
    string Lang,
    IReadOnlyDictionary<string, string?> Text,
    IReadOnlyList<AccessibilityViolation> Violations,
    IReadOnlyList<string> ForeignRequests,
    string? Screenshot,
    string? Browser)
{
    /// <summary>axe-core's serious and critical violations: what keeps someone from using the page.</summary>
    public IReadOnlyList<AccessibilityViolation> Serious => Violations.Where(v => v.Impact is "serious" or "critical").ToList();
}

public sealed record AccessibilityViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes)
{
    public override string ToString() => $"{Impact} {Id}: {Help} ({string.Join(", ", Nodes)})";
}
