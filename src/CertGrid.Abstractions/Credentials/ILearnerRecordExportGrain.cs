namespace CertGrid.Abstractions.Credentials;

/// <summary>A signed export of a learner's record: the VC-JWT and its JSON.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-record-export")]
public sealed record LearnerRecordExport(
    [property: Id(0)] string Jwt,
    [property: Id(1)] string DocumentJson,
    [property: Id(2)] int CredentialCount);

/// <summary>Exports learners' records (CLR 2.0) and their credentials for the Open Badges API. Key: the community id.</summary>
public interface ILearnerRecordExportGrain : IGrainWithStringKey
{
    /// <summary>Every currently valid credential of the learner, in one ClrCredential signed by the community.</summary>
    Task<LearnerRecordExport> ExportClrAsync(string learnerId);

    /// <summary>The learner's credentials as compact VC-JWTs, newest first, for <c>GET /ims/ob/v3p0/credentials</c>.</summary>
    Task<(IReadOnlyList<string> Jwts, int Total)> ListJwtsAsync(string learnerId, int offset, int limit);
}
