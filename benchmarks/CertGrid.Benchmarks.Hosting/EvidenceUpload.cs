using System.Net.Http.Headers;
using System.Text;
using CertGrid.Abstractions.Learners;

namespace CertGrid.Benchmarks.Hosting;

/// <summary>Uploads a learner's evidence the way their browser does: ask for a ticket, PUT to its SAS URL, commit.</summary>
public static class EvidenceUpload
{
    private static readonly HttpClient Http = new();

    /// <summary>The committed artifact's id.</summary>
    public static async Task<string> CommitAsync(ILearnerGrain learner, string title, string markdown)
    {
        var evidence = Encoding.UTF8.GetBytes(markdown);
        var ticket = await learner.RequestArtifactUploadAsync(new RequestArtifactUpload(null, title, "evidence.md", "text/markdown", evidence.Length));
        using (var content = new ByteArrayContent(evidence))
        using (var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = content })
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/markdown");
            foreach (var (name, value) in ticket.RequiredHeaders)
            {
                put.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await Http.SendAsync(put);
            response.EnsureSuccessStatusCode();
        }

        await learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version);
        return ticket.ArtifactId;
    }
}
