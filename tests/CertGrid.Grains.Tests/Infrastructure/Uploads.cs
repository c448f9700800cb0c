using System.Net.Http.Headers;
using System.Text;
using CertGrid.Abstractions.Learners;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Uploads evidence the way a learner's browser does: PUT to the SAS URL, then commit.</summary>
public static class Uploads
{
    public static async Task<string> CommitAsync(ILearnerGrain learner, string text = "# Evidence\n\nWhat I did and why.\n", string? artifactId = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var ticket = await learner.RequestArtifactUploadAsync(new RequestArtifactUpload(artifactId, "Evidence", "evidence.md", "text/markdown", bytes.Length));
        await PutAsync(ticket, bytes, "text/markdown");
        await learner.CommitArtifactAsync(ticket.ArtifactId, ticket.Version);
        return ticket.ArtifactId;
    }

    public static async Task PutAsync(ArtifactUploadTicket ticket, byte[] bytes, string contentType)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = content };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await http.SendAsync(put);
        response.EnsureSuccessStatusCode();
    }
}
