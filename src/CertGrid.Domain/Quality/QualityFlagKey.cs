namespace CertGrid.Domain.Quality;

/// <summary>
/// The stable name of a quality-report flag, so the board's resolution finds the same finding in later reports:
/// <c>reliability/{criterion}</c>, <c>fairness/{dimension}/{group}</c>, <c>severity/{evaluator}</c>,
/// <c>calibration/{evaluator}</c>. The figures in the finding change from period to period; the key does not.
/// </summary>
public static class QualityFlagKey
{
    public static string Reliability(string criterionId) => $"reliability/{criterionId}";

    public static string Fairness(string dimension, string group) => $"fairness/{dimension}/{group}";

    public static string Severity(string evaluatorId) => $"severity/{evaluatorId}";

    public static string Calibration(string evaluatorId) => $"calibration/{evaluatorId}";
}
