using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials.DataIntegrity.JsonLd;

/// <summary>
/// JSON-LD 1.1 Context Processing (§4.1): applies a local context (a URL of a stored context, an inline object,
/// null, or an array of these) to an active context. Processing a stored context is cached per active context, so
/// signing and verifying many credentials processes the VC and Open Badges contexts once.
/// <c>@import</c> and <c>@direction</c> are refused as unsupported.
/// </summary>
public sealed class ContextProcessor(JsonLdContextStore store)
{
    private const int MaxRemoteContexts = 32;

    private readonly ConditionalWeakTable<ActiveContext, ConcurrentDictionary<(object Local, bool OverrideProtected, bool Propagate), ActiveContext>> cache = [];

    public JsonLdContextStore Store => store;

    public ActiveContext Process(ActiveContext active, JsonNode? local, string? baseUrl, bool overrideProtected = false, bool propagate = true) =>
        Process(active, local, baseUrl, [], overrideProtected, propagate);

    private ActiveContext Process(ActiveContext active, JsonNode? local, string? baseUrl, List<string> remoteContexts, bool overrideProtected, bool propagate)
    {
        // A stored context (or a scoped context inside one) always processes to the same result on the same active
        // context; inline contexts of a document are processed each time and never retained.
        if (local is null || !store.Holds(local))
        {
            return ProcessUncached(active, local, baseUrl, remoteContexts, overrideProtected, propagate);
        }

        var results = cache.GetOrCreateValue(active);
        var key = ((object)local, overrideProtected, propagate);
        if (!results.TryGetValue(key, out var result))
        {
            result = ProcessUncached(active, local, baseUrl, remoteContexts, overrideProtected, propagate);
            results[key] = result;
        }

        return result;
    }

    private ActiveContext ProcessUncached(ActiveContext active, JsonNode? local, string? baseUrl, List<string> remoteContexts, bool overrideProtected, bool propagate)
    {
        // The result is cloned only when something changes it, so a document that names stored contexts is processed
        // against the same (cached) active contexts every time.
        var result = active;
        if (local is JsonObject withPropagate && withPropagate.TryGetPropertyValue("@propagate", out var propagateValue))
        {
            propagate = propagateValue is JsonValue p && p.TryGetValue<bool>(out var flag)
                ? flag : throw new JsonLdException("invalid @propagate value", "@propagate must be true or false.");
        }

        if (!propagate && result.Previous is null)
        {
            result = result.Clone();
            result.Previous = active;
        }

        foreach (var context in local is JsonArray array ? array.ToList() : [local])
        {
            switch (context)
            {
                case null:
                    if (!overrideProtected && result.HasProtectedTerms)
                    {
                        throw new JsonLdException("invalid context nullification", "A null @context may not remove protected term definitions.");
                    }

                    var previous = result;
                    result = result.Reset();
                    if (!propagate)
                    {
                        result.Previous = previous;
                    }

                    continue;
                case JsonValue value when value.TryGetValue<string>(out var url):
                    url = baseUrl is not null && !Iri.IsAbsolute(url) ? Iri.Resolve(baseUrl, url) : url;
                    if (remoteContexts.Count >= MaxRemoteContexts)
                    {
                        throw new JsonLdException("context overflow", $"More than {MaxRemoteContexts} remote contexts are nested.");
                    }

                    if (remoteContexts.Contains(url))
                    {
                        continue;
                    }

                    result = Process(result, store.Load(url), url, [.. remoteContexts, url], false, true);
                    continue;
                case JsonObject definitions:
                    result = ApplyDefinitions(result, definitions, baseUrl, remoteContexts, overrideProtected);
                    continue;
                default:
                    throw new JsonLdException("invalid local context", "A @context must be a URL, an object, null or an array of these.");
            }
        }

        return result;
    }

    private static ActiveContext ApplyDefinitions(ActiveContext active, JsonObject context, string? baseUrl, List<string> remoteContexts, bool overrideProtected)
    {
        var result = active.Clone();
        if (context.TryGetPropertyValue("@version", out var version) && !(version is JsonValue v && v.TryGetValue<double>(out var number) && number == 1.1))
        {
            throw new JsonLdException("invalid @version value", "@version must be 1.1.");
        }

        if (context.ContainsKey("@import"))
        {
            throw JsonLdException.Unsupported("@import in a context");
        }

        if (context.TryGetPropertyValue("@direction", out var direction) && direction is not null)
        {
            throw JsonLdException.Unsupported("@direction in a context");
        }

        if (context.TryGetPropertyValue("@base", out var baseValue) && remoteContexts.Count == 0)
        {
            result.BaseIri = baseValue switch
            {
                null => null,
                JsonValue b when b.TryGetValue<string>(out var iri) && Iri.IsAbsolute(iri) => iri,
                JsonValue b when b.TryGetValue<string>(out var relative) && result.BaseIri is { } current => Iri.Resolve(current, relative),
                _ => throw new JsonLdException("invalid base IRI", "@base must be an IRI or null."),
            };
        }

        if (context.TryGetPropertyValue("@vocab", out var vocab))
        {
            result.Vocabulary = vocab switch
            {
                null => null,
                JsonValue value when value.TryGetValue<string>(out var iri) => IriExpansion.Expand(result, iri, documentRelative: true, vocab: true),
                _ => throw new JsonLdException("invalid vocab mapping", "@vocab must be an IRI or null."),
            };
        }

        if (context.TryGetPropertyValue("@language", out var language))
        {
            result.DefaultLanguage = language switch
            {
                null => null,
                JsonValue value when value.TryGetValue<string>(out var tag) => tag.ToLowerInvariant(),
                _ => throw new JsonLdException("invalid default language", "@language must be a string or null."),
            };
        }

        var isProtected = context.TryGetPropertyValue("@protected", out var protectedValue) && protectedValue is JsonValue pv && pv.TryGetValue<bool>(out var flag) && flag;
        var builder = new TermDefinitionBuilder(result, context, baseUrl, isProtected, overrideProtected);
        foreach (var (term, _) in context)
        {
            if (term is not ("@base" or "@direction" or "@import" or "@language" or "@propagate" or "@protected" or "@version" or "@vocab"))
            {
                builder.Define(term);
            }
        }

        return result;
    }
}
