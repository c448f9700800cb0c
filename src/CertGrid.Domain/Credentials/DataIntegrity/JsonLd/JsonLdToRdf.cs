using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Domain.Credentials.DataIntegrity.Rdf;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD 1.1 Deserialize JSON-LD to RDF (§8.1, with the node map's effect): every node object gives its type and
/// property statements in its graph, graph objects (<c>@graph</c> containers such as <c>proof</c>) become named
/// graphs labelled by a blank node, lists become <c>rdf:first</c>/<c>rdf:rest</c> chains, values become literals
/// in their canonical lexical forms (JSON literals in JCS form). A relative IRI anywhere is refused.
/// </summary>
internal sealed class JsonLdToRdf
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");

    private readonly List<RdfQuad> quads = [];
    private readonly BlankNodeIdentifierIssuer blankNodes = new("b");
    private int freshNodes;

    public static List<RdfQuad> Convert(List<object?> expanded)
    {
        var converter = new JsonLdToRdf();
        foreach (var node in expanded.OfType<Dictionary<string, object?>>())
        {
            converter.Node(node, graph: null);
        }

        return converter.quads;
    }

    private RdfTerm Node(Dictionary<string, object?> node, RdfTerm? graph)
    {
        var subject = node.TryGetValue("@id", out var id) && id is string identifier ? Resource(identifier) : Fresh();
        foreach (var (key, value) in node)
        {
            switch (key)
            {
                case "@id":
                    continue;
                case "@type":
                    foreach (var type in (List<object?>)value!)
                    {
                        quads.Add(new RdfQuad(subject, RdfType, Resource((string)type!), graph));
                    }

                    continue;
                case "@graph":
                    foreach (var member in ((List<object?>)value!).OfType<Dictionary<string, object?>>())
                    {
                        Node(member, subject);
                    }

                    continue;
                default:
                    var predicate = Resource(key);
                    if (predicate.IsBlankNode)
                    {
                        throw new JsonLdException("invalid IRI", $"The property '{key}' is a blank node; RDF properties are IRIs.");
                    }

                    foreach (var item in (List<object?>)value!)
                    {
                        quads.Add(new RdfQuad(subject, predicate, Object((Dictionary<string, object?>)item!, graph), graph));
                    }

                    continue;
            }
        }

        return subject;
    }

    private RdfTerm Object(Dictionary<string, object?> item, RdfTerm? graph)
    {
        if (item.TryGetValue("@value", out var value))
        {
            return Literal((JsonNode?)value, item.GetValueOrDefault("@type") as string, item.GetValueOrDefault("@language") as string);
        }

        if (item.TryGetValue("@list", out var list))
        {
            return List((List<object?>)list!, graph);
        }

        return Node(item, graph);
    }

    private RdfTerm List(List<object?> items, RdfTerm? graph)
    {
        if (items.Count == 0)
        {
            return RdfNil;
        }

        var head = Fresh();
        var current = head;
        for (var i = 0; i < items.Count; i++)
        {
            quads.Add(new RdfQuad(current, RdfFirst, Object((Dictionary<string, object?>)items[i]!, graph), graph));
            var next = i == items.Count - 1 ? RdfNil : Fresh();
            quads.Add(new RdfQuad(current, RdfRest, next, graph));
            current = next;
        }

        return head;
    }

    private static RdfTerm Literal(JsonNode? value, string? datatype, string? language)
    {
        if (datatype == "@json")
        {
            return RdfTerm.Literal(JsonCanonicalization.Serialize(value), Rdf + "JSON");
        }

        var datatypeIri = datatype is null ? null : Iri.IsAbsolute(datatype) ? datatype
            : throw new JsonLdException("invalid typed value", $"The datatype '{datatype}' is not an absolute IRI.");
        var jsonValue = (JsonValue)value!;
        switch (jsonValue.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return RdfTerm.Literal(jsonValue.GetValueKind() == JsonValueKind.True ? "true" : "false", datatypeIri ?? Xsd + "boolean");
            case JsonValueKind.Number:
                var number = double.Parse(jsonValue.ToJsonString(), CultureInfo.InvariantCulture);
                if (number % 1 != 0 || datatypeIri == Xsd + "double" || Math.Abs(number) >= 1e21)
                {
                    return RdfTerm.Literal(CanonicalDouble(number), datatypeIri ?? Xsd + "double");
                }

                return Math.Abs(number) <= 9007199254740991
                    ? RdfTerm.Literal(((long)number).ToString(CultureInfo.InvariantCulture), datatypeIri ?? Xsd + "integer")
                    : throw JsonLdException.Unsupported("An integer beyond ±2^53 (it has no exact JSON number form)");
            default:
                var text = jsonValue.GetValue<string>();
                return language is not null ? RdfTerm.Literal(text, language: language) : RdfTerm.Literal(text, datatypeIri);
        }
    }

    // XSD canonical double as JSON-LD writes it: 1.1 → "1.1E0", 1e21 → "1.0E21".
    private static string CanonicalDouble(double number)
    {
        var text = number.ToString("E15", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e].TrimEnd('0');
        mantissa = mantissa.EndsWith('.') ? mantissa + "0" : mantissa;
        return mantissa + "E" + int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    private RdfTerm Resource(string iri)
    {
        if (Iri.IsBlankNode(iri))
        {
            return RdfTerm.BlankNode(blankNodes.Issue(iri));
        }

        return Iri.IsAbsolute(iri) ? RdfTerm.Iri(iri)
            : throw new JsonLdException("invalid IRI", $"'{iri}' is not an absolute IRI; a relative IRI would be dropped from the signed data.");
    }

    private RdfTerm Fresh() => RdfTerm.BlankNode(blankNodes.Issue("\0" + freshNodes++.ToString(CultureInfo.InvariantCulture)));
}
