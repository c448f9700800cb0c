namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>
/// The RDFC-1.0 identifier issuer: gives each blank node it is asked about the next identifier
/// (<c>prefix</c> + counter) once, and remembers the order it issued them in.
/// </summary>
public sealed class BlankNodeIdentifierIssuer
{
    private readonly string prefix;
    private readonly Dictionary<string, string> issued;
    private readonly List<string> order;

    public BlankNodeIdentifierIssuer(string prefix)
        : this(prefix, new Dictionary<string, string>(StringComparer.Ordinal), [])
    {
    }

    private BlankNodeIdentifierIssuer(string prefix, Dictionary<string, string> issued, List<string> order)
    {
        this.prefix = prefix;
        this.issued = issued;
        this.order = order;
    }

    /// <summary>The existing identifiers in the order they were issued.</summary>
    public IReadOnlyList<string> IssuedInOrder => order;

    /// <summary>Existing identifier → issued identifier.</summary>
    public IReadOnlyDictionary<string, string> Issued => issued;

    public string Issue(string existing)
    {
        if (issued.TryGetValue(existing, out var identifier))
        {
            return identifier;
        }

        identifier = prefix + order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        issued.Add(existing, identifier);
        order.Add(existing);
        return identifier;
    }

    public bool TryGet(string existing, out string identifier) => issued.TryGetValue(existing, out identifier!);

    public bool HasIssued(string existing) => issued.ContainsKey(existing);

    public BlankNodeIdentifierIssuer Copy() =>
        new(prefix, new Dictionary<string, string>(issued, StringComparer.Ordinal), [.. order]);
}
