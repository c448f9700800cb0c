using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Renewals;

namespace CertGrid.Domain.Governance;

/// <summary>A policy change as the steering committee approves it: the canonical text of the policy and its subject, and a short hash of that text.</summary>
/// <param name="Fingerprint">What a proposal carries and the later change must match.</param>
/// <param name="Content">The canonical JSON the fingerprint hashes: what the committee reads before voting.</param>
public sealed record PolicyChange(ProposalKind Kind, string SubjectId, string Fingerprint, string Content);

/// <summary>
/// Fingerprints of policy changes: the kind, the subject (a credential definition, or the community for its
/// badges) and the validated policy, written canonically (numbers without trailing zeros, badges in kind order),
/// so the same policy typed twice matches and any other policy does not.
/// </summary>
public static class PolicyFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(), new NormalizedDecimalConverter() },
    };

    public static PolicyChange Of(string credentialId, AssessmentPolicy policy) => Change(ProposalKind.AssessmentPolicy, credentialId, policy);

    public static PolicyChange Of(string credentialId, LifespanPolicy policy) => Change(ProposalKind.LifespanPolicy, credentialId, policy);

    public static PolicyChange Of(string community, IEnumerable<BadgeRule> badges) =>
        Change(ProposalKind.RecognitionPolicy, community, badges.OrderBy(b => b.Kind).ToList());

    private static PolicyChange Change<T>(ProposalKind kind, string subjectId, T policy)
    {
        var content = JsonSerializer.Serialize(new { kind, subjectId, policy }, Canonical);
        return new(kind, subjectId, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..20], content);
    }

    /// <summary>5, 5.0 and 5.00 are one amount.</summary>
    private sealed class NormalizedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
