using System.Text;

namespace CertGrid.Domain.Programs;

/// <summary>One section of a credential's policy document. An unconfigured section says so instead of guessing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.policy-section")]
public sealed record PolicySection(
    [property: Id(0)] string Key,
    [property: Id(1)] string Title,
    [property: Id(2)] bool Configured,
    [property: Id(3)] IReadOnlyList<string> Lines);

/// <summary>
/// The policy published with a credential — eligibility, timelines, retakes, lifespan, renewal, appeals —
/// generated from its configuration when it is published, and never edited by hand.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.policy-document")]
public sealed record PolicyDocument(
    [property: Id(0)] string CredentialName,
    [property: Id(1)] IReadOnlyList<PolicySection> Sections,
    [property: Id(2)] DateTimeOffset GeneratedAt)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder().Append("# ").Append(CredentialName).AppendLine(": policy").AppendLine();
        foreach (var section in Sections)
        {
            text.Append("## ").AppendLine(section.Title).AppendLine();
            foreach (var line in section.Lines)
            {
                text.Append("- ").AppendLine(line);
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd() + "\n";
    }
}

/// <summary>
/// The configuration a policy document is written from. Features that add policy (assessment retakes and
/// appeals, credential lifespan and renewal) put their rendered lines in <see cref="AdditionalLines"/> under the
/// section key; a section with no lines from anyone is published as "Not configured".
/// </summary>
public sealed record PolicyFacts(
    string CredentialName,
    CredentialTier Tier,
    string FrameworkName,
    string? FrameworkVersion,
    IReadOnlyList<string> PrerequisiteNames,
    int? MinimumDaysEnrolled,
    bool RequiresCohort,
    string? TrackName,
    int EvaluatorsPerAttempt,
    int PassThresholdPercent,
    int? ValidityDays,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AdditionalLines);

/// <summary>Writes a credential's policy document from its configuration.</summary>
public static class PolicyDocumentWriter
{
    public const string Eligibility = "eligibility";
    public const string Timelines = "timelines";
    public const string Retakes = "retakes";
    public const string Lifespan = "lifespan";
    public const string Renewal = "renewal";
    public const string Appeals = "appeals";

    private static readonly (string Key, string Title, string NotConfigured)[] Sections =
    [
        (Eligibility, "Eligibility", "Not configured: any enrolled learner may attempt this credential."),
        (Timelines, "Timelines", "Not configured."),
        (Retakes, "Retake options", "Not configured: this community has not published a retake policy for this credential."),
        (Lifespan, "Lifespan", "Not configured."),
        (Renewal, "Renewal requirements", "Not configured: this community has not published renewal requirements for this credential."),
        (Appeals, "Appeals", "Not configured: this community has not published an appeals process for this credential."),
    ];

    public static PolicyDocument Write(PolicyFacts facts, DateTimeOffset generatedAt)
    {
        var builtIn = new Dictionary<string, List<string>>
        {
            [Eligibility] = EligibilityLines(facts),
            [Timelines] = TimelineLines(facts),
            [Lifespan] = LifespanLines(facts),
        };
        var sections = Sections.Select(s =>
        {
            var lines = builtIn.GetValueOrDefault(s.Key) ?? [];
            lines.AddRange(facts.AdditionalLines.GetValueOrDefault(s.Key) ?? []);
            return lines.Count > 0 ? new PolicySection(s.Key, s.Title, true, lines) : new PolicySection(s.Key, s.Title, false, [s.NotConfigured]);
        }).ToList();
        return new PolicyDocument(facts.CredentialName, sections, generatedAt);
    }

    private static List<string> EligibilityLines(PolicyFacts facts)
    {
        var lines = new List<string>();
        if (facts.PrerequisiteNames.Count > 0)
        {
            lines.Add($"Candidates must hold a valid (active, unexpired) credential: {string.Join("; ", facts.PrerequisiteNames)}.");
        }

        if (facts.MinimumDaysEnrolled is { } days)
        {
            lines.Add($"Candidates must have been enrolled in the community for at least {days} days.");
        }

        if (facts.RequiresCohort)
        {
            lines.Add("Candidates must be members of a running cohort that includes this credential.");
        }

        if (facts.TrackName is not null)
        {
            lines.Add($"This credential certifies the '{facts.TrackName}' specialisation track: the shared core competencies and the track's own.");
        }

        return lines;
    }

    private static List<string> TimelineLines(PolicyFacts facts) =>
    [
        $"Evidence is assessed against {facts.FrameworkName}{(facts.FrameworkVersion is null ? string.Empty : $" version {facts.FrameworkVersion}")}.",
        $"{facts.EvaluatorsPerAttempt} independent evaluators are assigned as soon as an attempt is submitted.",
        $"A review passes at {facts.PassThresholdPercent}% of the rubric's weighted maximum.",
        .. facts.RequiresCohort ? ["Cohorts may set assessment windows; attempts are accepted only while a window is open."] : Array.Empty<string>(),
    ];

    private static List<string> LifespanLines(PolicyFacts facts) =>
    [
        facts.ValidityDays is { } days
            ? $"An issued credential is valid for {days} days from the day it is issued."
            : "An issued credential does not expire.",
        "A credential stays pinned to the framework version it was assessed against; later framework versions do not change it.",
    ];
}
