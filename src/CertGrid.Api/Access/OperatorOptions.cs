using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.Access;

/// <summary>
/// The platform operator's key (section <c>Operator</c>). Configure its SHA-256 hex as <c>KeyHash</c>
/// (preferred: the configuration then holds no secret) or, for local runs, the key itself as <c>Key</c>.
/// </summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string SectionName = "Operator";

    public string? Key { get; set; }

    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Operator:KeyHash must be 64 hex characters (the SHA-256 of the operator key).")]
    public string? KeyHash { get; set; }

    /// <summary>The SHA-256 hex a presented operator key must hash to (from <c>KeyHash</c>, or computed from <c>Key</c>).</summary>
    public string ExpectedHash => KeyHash?.ToLowerInvariant() ?? Domain.Access.ApiKeyToken.HashSecret(Key!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(KeyHash))
        {
            yield return new ValidationResult(
                "No platform operator key is configured: set Operator:KeyHash (SHA-256 hex of the key) or Operator:Key. ./run.sh generates one.",
                [nameof(KeyHash)]);
        }
    }
}
