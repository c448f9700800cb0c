namespace CertGrid.Server.DemoData;

/// <summary>The demo community seeded on first start (section <c>Demo</c>); ./run.sh turns it on.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "Demo";

    public bool Seed { get; set; }

    public string CommunityId { get; set; } = "demo";

    /// <summary>Where the demo's keys are written (git-ignored), so ./run.sh can print them on every start.</summary>
    public string KeysFile { get; set; } = ".local/demo-keys.json";

    public int Learners { get; set; } = 24;

    public int Evaluators { get; set; } = 6;

    /// <summary>How many learners go through an assessment and hold a credential already.</summary>
    public int CertifiedLearners { get; set; } = 6;

    /// <summary>
    /// How many more credentials to issue for the distinct-credential verification benchmark (benchmarks/run.sh);
    /// zero (the default) issues none. Their URLs are written to <see cref="DistinctCredentialsFile"/>.
    /// </summary>
    public int DistinctCredentials { get; set; }

    public string DistinctCredentialsFile { get; set; } = ".local/distinct-credentials.json";
}
