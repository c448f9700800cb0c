using GraphQLParser;
using GraphQLParser.Exceptions;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Counts a document's lexical tokens and bracket nesting before it is parsed, and stops at the first token over the
/// limit: a document of any size costs at most <c>maxTokens</c> tokens of work to refuse. A string value that is not
/// valid Unicode (an escaped lone surrogate) is refused here too, before it can reach a resolver.
/// </summary>
public static class DocumentTokens
{
    /// <summary>Deepest nesting of <c>{ [ (</c> a document may have: selections (at most <see cref="GraphQlOptions.MaxDepth"/>) plus input values.</summary>
    public const int MaxNesting = 64;

    /// <summary>Null when the document is within the limits; otherwise why not.</summary>
    public static AdmissionRefusal? Check(string document, int maxTokens)
    {
        ROM source = document;
        var (tokens, nesting, index) = (0, 0, 0);
        try
        {
            while (true)
            {
                var token = Lexer.Lex(source, index);
                if (token.Kind == TokenKind.EOF)
                {
                    return null;
                }

                if (++tokens > maxTokens)
                {
                    return AdmissionRefusal.OverLimit(DocumentLimit.Tokens,
                        $"The document has more than {maxTokens} tokens (names, punctuation and values). Send a smaller document: select only what you need.");
                }

                nesting += token.Kind switch
                {
                    TokenKind.BRACE_L or TokenKind.BRACKET_L or TokenKind.PAREN_L => 1,
                    TokenKind.BRACE_R or TokenKind.BRACKET_R or TokenKind.PAREN_R => -1,
                    _ => 0,
                };
                if (nesting > MaxNesting)
                {
                    return AdmissionRefusal.OverLimit(DocumentLimit.Depth, $"The document nests brackets more than {MaxNesting} deep.");
                }

                if (token.Kind == TokenKind.STRING && InputRules.HasLoneSurrogate(token.Value.Span))
                {
                    return AdmissionRefusal.Invalid(
                        "A string in the document is not valid Unicode: it holds half of a surrogate pair (such as \\ud83d without its pair).");
                }

                index = token.End;
            }
        }
        catch (GraphQLParserException ex)
        {
            return AdmissionRefusal.Syntax(ex);
        }
    }
}
