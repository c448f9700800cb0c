using CertGrid.Domain.Errors;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Relationships;

/// <summary>
/// A person in a community as relationships name them: <c>learner:{id}</c> or <c>evaluator:{id}</c>. Someone who
/// is both is linked through the evaluator's <c>LinkedLearnerId</c>.
/// </summary>
public static class PersonRef
{
    public static string Learner(string learnerId) => $"learner:{learnerId}";

    public static string Evaluator(string evaluatorId) => $"evaluator:{evaluatorId}";

    public static string Require(string? value, string field)
    {
        var parts = value?.Trim().Split(':', 2);
        var valid = parts is [var kind, var id] && ((kind == "learner" && EntityId.IsValid(id, IdPrefixes.Learner)) || (kind == "evaluator" && EntityId.IsValid(id, IdPrefixes.Evaluator)));
        return valid
            ? value!.Trim()
            : throw CertGridException.Invalid(field, $"'{field}' must be 'learner:<learner id>' or 'evaluator:<evaluator id>'.");
    }
}
