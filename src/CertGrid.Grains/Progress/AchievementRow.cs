using System.Text.Json;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Progress;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Progress;

/// <summary>
/// A credential a learner holds, with the competency levels it demonstrates, in the progress read model under
/// <c>a|{learnerId}|{credentialId}</c>. Written by the credential's grain; read to build cohort and learner progress.
/// </summary>
public sealed class AchievementRow : ReadModelRow
{
    public const string Prefix = "a|";

    public string CredentialId { get; set; } = string.Empty;
    public string LearnerId { get; set; } = string.Empty;
    public string DefinitionId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public string FrameworkVersion { get; set; } = string.Empty;
    public string CompetenciesJson { get; set; } = "[]";

    /// <summary>SHA-256 of the signed VC-JWT, so a stacked credential can cite this one as evidence.</summary>
    public string JwtSha256 { get; set; } = string.Empty;

    public int JwtLength { get; set; }

    public static string LearnerPrefix(string learnerId) => $"{Prefix}{learnerId}|";

    public static AchievementRow From(string community, HeldCredential held, string learnerId, string frameworkVersion, IReadOnlyList<DemonstratedCompetency> competencies, string jwt) => new()
    {
        JwtSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(jwt))),
        JwtLength = jwt.Length,
        PartitionKey = community,
        RowKey = LearnerPrefix(learnerId) + held.CredentialId,
        CredentialId = held.CredentialId,
        LearnerId = learnerId,
        DefinitionId = held.DefinitionId,
        Name = held.Name,
        Status = held.Status.ToString(),
        ValidFrom = held.ValidFrom,
        ValidUntil = held.ValidUntil,
        FrameworkVersion = frameworkVersion,
        CompetenciesJson = JsonSerializer.Serialize(competencies),
    };

    public HeldCredential ToHeld() => new(CredentialId, DefinitionId, Name, Enum.Parse<CredentialStatus>(Status), ValidFrom, ValidUntil);

    public IReadOnlyList<DemonstratedCompetency> Competencies() =>
        JsonSerializer.Deserialize<List<DemonstratedCompetency>>(CompetenciesJson) ?? [];
}
