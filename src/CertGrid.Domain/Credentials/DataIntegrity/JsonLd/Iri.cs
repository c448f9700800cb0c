using System.Text;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>IRI tests and RFC 3986 §5.2 reference resolution, as JSON-LD uses them.</summary>
public static class Iri
{
    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\n\r\f\v\u00A0\u2028\u2029");

    /// <summary>A scheme followed by a colon (blank node identifiers <c>_:x</c> are not absolute IRIs).</summary>
    public static bool IsAbsolute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return !value.AsSpan(colon).ContainsAny(Whitespace);
    }

    public static bool IsBlankNode(string value) => value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>Resolves <paramref name="reference"/> against an absolute <paramref name="baseIri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string baseIri, string reference)
    {
        if (IsAbsolute(reference))
        {
            return Compose(Split(reference) with { Path = RemoveDotSegments(Split(reference).Path) });
        }

        var b = Split(baseIri);
        var r = Split(reference);
        if (r.Authority is not null)
        {
            return Compose(new Parts(b.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment));
        }

        if (r.Path.Length == 0)
        {
            return Compose(b with { Query = r.Query ?? b.Query, Fragment = r.Fragment });
        }

        var path = r.Path.StartsWith('/') ? r.Path
            : b.Authority is not null && b.Path.Length == 0 ? "/" + r.Path
            : b.Path[..(b.Path.LastIndexOf('/') + 1)] + r.Path;
        return Compose(new Parts(b.Scheme, b.Authority, RemoveDotSegments(path), r.Query, r.Fragment));
    }

    private static Parts Split(string iri)
    {
        string? scheme = null, authority = null, query = null, fragment = null;
        var rest = iri;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        if (IsAbsolute(rest))
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            scheme = rest[..colon];
            rest = rest[(colon + 1)..];
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            authority = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? string.Empty : rest[end..];
        }

        return new Parts(scheme, authority, rest, query, fragment);
    }

    private static string Compose(Parts parts)
    {
        var text = new StringBuilder();
        if (parts.Scheme is not null)
        {
            text.Append(parts.Scheme).Append(':');
        }

        if (parts.Authority is not null)
        {
            text.Append("//").Append(parts.Authority);
        }

        text.Append(parts.Path);
        if (parts.Query is not null)
        {
            text.Append('?').Append(parts.Query);
        }

        if (parts.Fragment is not null)
        {
            text.Append('#').Append(parts.Fragment);
        }

        return text.ToString();
    }

    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return path;
        }

        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 1 || (output.Count == 1 && output[0].Length > 0))
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        var joined = string.Join('/', output);
        return path.StartsWith('/') && !joined.StartsWith('/') ? "/" + joined : joined;
    }

    private sealed record Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);
}
