using System.Globalization;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>The RFC 8288 <c>Link</c> header of a paged OB 3.0 API response (OB 3.0 section 6.1.1): first, last, and prev/next where they exist.</summary>
public static class PagingLinks
{
    public static string Header(string url, int offset, int limit, int total)
    {
        var lastOffset = total == 0 ? 0 : (total - 1) / limit * limit;
        var links = new List<string> { Link(url, 0, limit, "first") };
        if (offset > 0)
        {
            links.Add(Link(url, Math.Max(offset - limit, 0), limit, "prev"));
        }

        if (offset + limit < total)
        {
            links.Add(Link(url, offset + limit, limit, "next"));
        }

        links.Add(Link(url, lastOffset, limit, "last"));
        return string.Join(", ", links);
    }

    private static string Link(string url, int offset, int limit, string rel) =>
        string.Create(CultureInfo.InvariantCulture, $"<{url}?limit={limit}&offset={offset}>; rel=\"{rel}\"");
}
