using System.Text.Json;

namespace CertGrid.Server.DemoData;

/// <summary>The keys of the demo community, kept in a local git-ignored file (CertGrid itself stores only hashes).</summary>
public sealed record DemoKeys(string CommunityId, string AdminKey, string EvaluatorKey, string LearnerKey, string PartnerKey, string? SampleCredentialUrl)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SaveAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));
    }
}
