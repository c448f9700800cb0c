using System.Globalization;
using System.Text;

namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// Reads N-Quads (RDF 1.1/1.2 N-Quads without triple terms): IRIs, blank nodes, literals with a datatype or a
/// language tag, <c>\u</c>/<c>\U</c> and string escapes, comments and blank lines. Anything else is a
/// <see cref="FormatException"/> naming the line; nothing is skipped silently.
/// </summary>
public sealed class NQuadsReader
{
    private readonly string text;
    private int position;
    private int line = 1;

    private NQuadsReader(string text) => this.text = text;

    public static List<RdfQuad> Parse(string text) => new NQuadsReader(text).ReadAll();

    private List<RdfQuad> ReadAll()
    {
        var quads = new List<RdfQuad>();
        while (true)
        {
            SkipSpaceAndComments();
            if (position >= text.Length)
            {
                return quads;
            }

            var subject = ReadTerm("subject", allowLiteral: false);
            SkipInlineSpace();
            var predicate = ReadTerm("predicate", allowLiteral: false);
            if (predicate.Kind != RdfTermKind.Iri)
            {
                throw Error("a predicate must be an IRI");
            }

            SkipInlineSpace();
            var obj = ReadTerm("object", allowLiteral: true);
            SkipInlineSpace();
            RdfTerm? graph = null;
            if (Peek() != '.')
            {
                graph = ReadTerm("graph name", allowLiteral: false);
                SkipInlineSpace();
            }

            if (Peek() != '.')
            {
                throw Error("a statement must end with '.'");
            }

            position++;
            SkipInlineSpace();
            if (position < text.Length && Peek() is not ('\n' or '\r' or '#'))
            {
                throw Error("only one statement may stand on a line");
            }

            quads.Add(new RdfQuad(subject, predicate, obj, graph));
        }
    }

    private RdfTerm ReadTerm(string role, bool allowLiteral) => Peek() switch
    {
        '<' => RdfTerm.Iri(ReadIri()),
        '_' => RdfTerm.BlankNode(ReadBlankNodeLabel()),
        '"' when allowLiteral => ReadLiteral(),
        _ => throw Error($"expected the {role}"),
    };

    private string ReadIri()
    {
        position++;
        var iri = new StringBuilder();
        while (position < text.Length && text[position] != '>')
        {
            var c = text[position];
            if (c == '\\')
            {
                position++;
                if (Peek() is not ('u' or 'U'))
                {
                    throw Error("an IRI allows only \\u and \\U escapes");
                }

                AppendUnicodeEscape(iri);
                continue;
            }

            if (c <= ' ' || "<\"{}|^`".Contains(c, StringComparison.Ordinal))
            {
                throw Error($"character U+{(int)c:X4} is not allowed in an IRI");
            }

            iri.Append(c);
            position++;
        }

        if (position >= text.Length)
        {
            throw Error("an IRI is not closed with '>'");
        }

        position++;
        return iri.ToString();
    }

    private string ReadBlankNodeLabel()
    {
        if (position + 2 > text.Length || text[position + 1] != ':')
        {
            throw Error("a blank node starts with '_:'");
        }

        position += 2;
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('<' or '"' or '#'))
        {
            position++;
        }

        while (position > start && text[position - 1] == '.')
        {
            position--;
        }

        if (position == start)
        {
            throw Error("a blank node needs a label");
        }

        return text[start..position];
    }

    private RdfTerm ReadLiteral()
    {
        position++;
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '"')
        {
            var c = text[position];
            if (c is '\n' or '\r')
            {
                throw Error("a literal may not span lines");
            }

            if (c != '\\')
            {
                value.Append(c);
                position++;
                continue;
            }

            position++;
            var escape = Peek();
            if (escape is 'u' or 'U')
            {
                AppendUnicodeEscape(value);
                continue;
            }

            value.Append(escape switch
            {
                't' => '\t', 'b' => '\b', 'n' => '\n', 'r' => '\r', 'f' => '\f', '"' => '"', '\'' => '\'', '\\' => '\\',
                _ => throw Error($"'\\{escape}' is not an N-Quads escape"),
            });
            position++;
        }

        if (position >= text.Length)
        {
            throw Error("a literal is not closed with '\"'");
        }

        position++;
        if (Peek() == '@')
        {
            position++;
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '-'))
            {
                position++;
            }

            return position == start ? throw Error("a language tag is empty") : RdfTerm.Literal(value.ToString(), language: text[start..position]);
        }

        if (Peek() == '^' && position + 1 < text.Length && text[position + 1] == '^')
        {
            position += 2;
            return Peek() == '<' ? RdfTerm.Literal(value.ToString(), ReadIri()) : throw Error("a datatype must be an IRI");
        }

        return RdfTerm.Literal(value.ToString());
    }

    private void AppendUnicodeEscape(StringBuilder target)
    {
        var length = text[position] == 'u' ? 4 : 8;
        position++;
        if (position + length > text.Length
            || !int.TryParse(text.AsSpan(position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
            || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            throw Error("a \\u or \\U escape needs 4 or 8 hex digits of a Unicode scalar value");
        }

        target.Append(char.ConvertFromUtf32(codePoint));
        position += length;
    }

    private void SkipSpaceAndComments()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (c == '\n')
            {
                line++;
                position++;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipInlineSpace()
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private FormatException Error(string problem) => new($"N-Quads line {line}: {problem}.");
}
