namespace CertGrid.Domain.Audit;

/// <summary>How actors are named in the audit log: <c>kind:id</c>.</summary>
public static class Actors
{
    public const string Operator = "operator";
    public const string System = "system";

    public static string Admin(string keyId) => $"admin:{keyId}";
    public static string Learner(string learnerId) => $"learner:{learnerId}";
    public static string Evaluator(string evaluatorId) => $"evaluator:{evaluatorId}";
    public static string Partner(string keyId) => $"partner:{keyId}";

    /// <summary>A community's system awarding through the award webhook, named by the delivery it sent.</summary>
    public static string AwardHook(string deliveryId) => $"award-hook:{deliveryId}";
}
