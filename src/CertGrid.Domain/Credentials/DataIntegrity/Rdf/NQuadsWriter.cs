using System.Globalization;
using System.Text;

namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// Writes canonical N-Quads (RDF 1.2 N-Quads canonical form, as RDFC-1.0 requires): IRIs as they are, literals
/// with only <c>" \ \n \r \t \b \f</c> as escapes and the other control characters as <c>\uXXXX</c>, no
/// <c>xsd:string</c> datatype, one statement per line ending in <c>" .\n"</c>.
/// </summary>
public static class NQuadsWriter
{
    /// <summary>One quad as its N-Quads line, newline included.</summary>
    public static string Quad(RdfQuad quad)
    {
        var line = new StringBuilder(128);
        Append(line, quad);
        return line.ToString();
    }

    /// <summary>The dataset as N-Quads, lines in the order given.</summary>
    public static string Dataset(IEnumerable<RdfQuad> quads)
    {
        var text = new StringBuilder(4096);
        foreach (var quad in quads)
        {
            Append(text, quad);
        }

        return text.ToString();
    }

    /// <summary>Appends one quad's line, newline included, with blank nodes written under <paramref name="label"/>'s labels.</summary>
    public static void Append(StringBuilder line, RdfQuad quad, Func<string, string>? label = null)
    {
        AppendTerm(line, quad.Subject, label);
        line.Append(' ');
        AppendTerm(line, quad.Predicate);
        line.Append(' ');
        AppendTerm(line, quad.ObjectTerm, label);
        if (quad.Graph is { } graph)
        {
            line.Append(' ');
            AppendTerm(line, graph, label);
        }

        line.Append(" .\n");
    }

    public static string Term(RdfTerm term)
    {
        var text = new StringBuilder();
        AppendTerm(text, term);
        return text.ToString();
    }

    public static void AppendTerm(StringBuilder text, RdfTerm term, Func<string, string>? label = null)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                text.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                text.Append("_:").Append(label is null ? term.Value : label(term.Value));
                break;
            default:
                AppendLiteral(text, term);
                break;
        }
    }

    private static void AppendLiteral(StringBuilder text, RdfTerm literal)
    {
        text.Append('"');
        foreach (var c in literal.Value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ' or '\u007F':
                    text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
        if (literal.Language is { } language)
        {
            text.Append('@').Append(language);
        }
        else if (literal.Datatype is { } datatype && datatype != RdfTerm.XsdString)
        {
            text.Append("^^<").Append(datatype).Append('>');
        }
    }
}
