using System.Collections.Concurrent;
using CertGrid.Api.GraphQl.Cost;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Documents already read within the limits (tokens counted, parsed, measured), by their exact text, so a client that
/// sends the same query with new variables (a partner verifying credential after credential) pays for reading it once.
/// Once a document passed validation it is not validated again, as GraphQL.NET's own document cache does: no standard
/// rule depends on the variables, which are still coerced and checked on every request. The cost is computed once
/// per operation, or per request when it depends on them (a <c>first</c> given by a variable). Refused documents are
/// never kept, so a flood of bad ones costs what it did. Bounded by
/// <see cref="GraphQlOptions.DocumentCacheCharacters"/> of query text, least recently used first out.
/// </summary>
public sealed class ReadDocuments : IDisposable
{
    private readonly MemoryCache? _documents;
    private readonly int _capacity;

    public ReadDocuments(IOptions<GraphQlOptions> options)
    {
        _capacity = options.Value.DocumentCacheCharacters;
        _documents = _capacity > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = _capacity, CompactionPercentage = 0.25 }) : null;
    }

    public ReadDocument? Find(string query) => _documents is not null && _documents.TryGetValue(query, out ReadDocument? document) ? document : null;

    /// <summary>Keeps a document that was read within every limit; the next request with the same text finds it.</summary>
    public ReadDocument Keep(string query, GraphQLDocument document)
    {
        var read = new ReadDocument(document);
        // One document may take at most a sixteenth of the cache, so a few huge ones cannot push out every everyday one.
        if (_documents is not null && query.Length <= _capacity / 16)
        {
            _documents.Set(query, read, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });
        }

        return read;
    }

    public void Dispose() => _documents?.Dispose();
}

/// <summary>A document read within every limit, shared by the requests that send its text (never changed after parsing).</summary>
public sealed class ReadDocument(GraphQLDocument document)
{
    private readonly ConcurrentDictionary<GraphQLOperationDefinition, long> _fixedCosts = new(ReferenceEqualityComparer.Instance);
    private volatile bool _validated;

    public GraphQLDocument Document { get; } = document;

    /// <summary>Whether GraphQL.NET validated it without an error once; it is not validated again.</summary>
    public bool Validated => _validated;

    public void MarkValidated() => _validated = true;

    /// <summary>
    /// An operation's cost for these variables (<see cref="OperationCostCalculator"/>), worked out once for all
    /// requests when it does not depend on the variables.
    /// </summary>
    public long CostOf(ISchema schema, GraphQLOperationDefinition operation, Inputs? variables)
    {
        if (_fixedCosts.TryGetValue(operation, out var known))
        {
            return known;
        }

        var (points, dependsOnVariables) = OperationCostCalculator.Calculate(schema, Document, operation, variables);
        if (!dependsOnVariables)
        {
            _fixedCosts.TryAdd(operation, points);
        }

        return points;
    }
}
